/** Instants as the console shows them: always in Shanghai time, whatever the browser's zone. */
import type { Lang } from '../i18n';

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

export const formatTime = (at: string | Date, lang: Lang) =>
  new Date(at).toLocaleString(locale(lang), { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** Month, day and time, for dense tables. */
export const formatShort = (at: string | Date, lang: Lang) =>
  new Date(at).toLocaleString(locale(lang), { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

export const formatDate = (at: string | Date, lang: Lang) =>
  new Date(at).toLocaleDateString(locale(lang), { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
