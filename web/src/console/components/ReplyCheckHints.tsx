/**
 * Hints on a draft reply while the handler types (答复质量提示): off-topic, template, no action, no date.
 * Asked after a pause in typing; never blocks sending, and a failed check simply shows nothing.
 */
import { Alert, Form, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, call } from '../../api/client';
import type { paths } from '../../api/schema';
import { useI18n } from '../i18n';

type Check = paths['/api/v1/tickets/{id}/reply-check']['post']['responses'][200]['content']['application/json'];
type Flag = Check['flags'][number];

// Long enough to wait for a pause in typing, short enough to answer before the handler reaches the button.
const PAUSE_MS = 600;
// A few characters say nothing yet: no hint before the handler has written a phrase.
const MIN_CHARS = 6;

export function ReplyCheckHints({ ticketId, field = 'text' }: { ticketId: number; field?: string }) {
  const { t, lang } = useI18n();
  const form = Form.useFormInstance();
  const draft = (Form.useWatch(field, form) as string | undefined)?.trim() ?? '';
  const [check, setCheck] = useState<Check | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const asked = ++latest.current;
    if (draft.length < MIN_CHARS) { setCheck(null); return; }
    const timer = setTimeout(() => {
      call(api.POST('/api/v1/tickets/{id}/reply-check', { params: { path: { id: ticketId } }, body: { reply: draft } }))
        .then((c) => { if (asked === latest.current) setCheck(c); })
        .catch(() => { if (asked === latest.current) setCheck(null); });
    }, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draft, ticketId]);

  if (!check) return null;
  const evidence = (f: Flag) => {
    if (!f.evidence?.length) return undefined;
    if (f.code === 'low_relevance') return t('tkReplyCheckMissing', { words: f.evidence.join('、') });
    if (f.code === 'boilerplate' && /^\d+$/.test(f.evidence[0]!)) return t('tkReplyCheckCopy', { id: f.evidence[0]! });
    return t('tkReplyCheckFormulae', { words: f.evidence.map((e) => `“${e}”`).join(' ') });
  };
  return (
    <div data-testid="reply-check" style={{ marginTop: -8, marginBottom: 16 }}>
      {check.flags.length === 0
        ? <Typography.Text type="success" data-testid="reply-check-clear">{t('tkReplyCheckClear')}</Typography.Text>
        : (
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('tkReplyCheckTitle')}</Typography.Text>
            {check.flags.map((f) => (
              <Alert key={f.code} type="warning" showIcon data-testid={`reply-flag-${f.code}`}
                title={lang === 'zh' ? f.message : f.messageEn} description={evidence(f)} />
            ))}
          </Space>
        )}
    </div>
  );
}
