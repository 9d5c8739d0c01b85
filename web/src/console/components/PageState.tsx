/** Loading, error and empty states designed once, so no page is ever blank. */
import { Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../i18n';

export function Loading() {
  const { t } = useI18n();
  return <div style={{ padding: 48, textAlign: 'center' }}><Spin tip={t('loading')}><div style={{ height: 40 }} /></Spin></div>;
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  const message = error instanceof ApiError ? (lang === 'en' ? error.messageEn : error.messageZh) : String(error);
  return (
    <Result status="warning" title={t('loadFailed')} subTitle={message}
      extra={onRetry ? <Button type="primary" onClick={onRetry}>{t('retry')}</Button> : undefined} />
  );
}

export function EmptyState({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return <Empty description={children ?? t('empty')} style={{ padding: 32 }} />;
}

/** The server's message for an error, in the chosen language. */
export function errorText(error: unknown, lang: 'zh' | 'en'): string {
  if (error instanceof ApiError) return lang === 'en' ? error.messageEn : error.messageZh;
  return error instanceof Error ? error.message : String(error);
}
