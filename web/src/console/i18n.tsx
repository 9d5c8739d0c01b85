/** Chinese by default, with an English switch. Strings live in one table per language, keyed by meaning. */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ZH, EN, type MessageKey } from './messages';

export type Lang = 'zh' | 'en';
const STORAGE = 'msb.lang';

interface I18n { lang: Lang; setLang(l: Lang): void; t(key: MessageKey, vars?: Record<string, string | number>): string }
const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(STORAGE) === 'en' ? 'en' : 'zh'));
  const setLang = useCallback((l: Lang) => { localStorage.setItem(STORAGE, l); setLangState(l); }, []);
  const t = useCallback((key: MessageKey, vars?: Record<string, string | number>) => {
    let text: string = (lang === 'en' ? EN : ZH)[key] ?? ZH[key] ?? key;
    for (const [k, v] of Object.entries(vars ?? {})) text = text.replaceAll(`{${k}}`, String(v));
    return text;
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
