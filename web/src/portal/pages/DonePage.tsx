/** The tracking code, big and copyable, with the one instruction that matters: keep it. */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import { go } from '../router';
import type { DoneState } from './SubmitPage';

export function DonePage({ code, state }: { code: string; state: DoneState | null }) {
  const { t } = useT();
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { heading.current?.focus(); }, []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="page">
      <div className="card done-card">
        <div className="done-mark" aria-hidden>✓</div>
        <h1 ref={heading} tabIndex={-1}>{t('doneTitle')}</h1>
        <p>{t('doneLead')}</p>
        <p className="code-label" id="code-label">{t('doneCode')}</p>
        <p className="tracking-code" aria-labelledby="code-label" data-testid="tracking-code">{code}</p>
        <button type="button" className="button secondary" onClick={() => void copy()}>{copied === 'ok' ? `✓ ${t('copied')}` : t('copy')}</button>
        <p aria-live="polite" className={copied === 'failed' ? 'error-text' : 'visually-hidden'}>{copied === 'ok' ? t('copied') : copied === 'failed' ? t('copyFailed') : ''}</p>
        <div className="keep" role="note">{t('doneKeep')}</div>
        {state && state.photosFailed > 0 && <div className="alert alert-warn">{t('donePhotosFailed', { n: state.photosFailed })}</div>}
      </div>
      <div className="actions">
        <button type="button" className="button primary block" onClick={() => go({ name: 'track', code }, { state: state ? { phone4: state.phone4 } : null })}>{t('doneTrack')}</button>
        <button type="button" className="button ghost block" onClick={() => go({ name: 'submit' })}>{t('doneAnother')}</button>
      </div>
    </div>
  );
}
