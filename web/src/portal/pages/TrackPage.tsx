/** 查询进度: code + the phone's last four digits, then the request as the public may see it. */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { explain, lookUp, type PublicTicket } from '../api';
import { describedBy, Field } from '../Field';
import { useT } from '../i18n';
import { go } from '../router';
import { Progress } from './Progress';

export function TrackPage({ code: initialCode, phone4: knownPhone4 }: { code: string; phone4: string | null }) {
  const { t, lang } = useT();
  const [code, setCode] = useState(initialCode);
  const [phone4, setPhone4] = useState(knownPhone4 ?? '');
  const [errors, setErrors] = useState<{ code?: string; phone4?: string }>({});
  const [ticket, setTicket] = useState<PublicTicket | null>(null);
  const [asked, setAsked] = useState<{ code: string; phone4: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const result = useRef<HTMLDivElement>(null);

  const fetchTicket = useCallback(async (c: string, p: string, focus: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      const found = await lookUp(c, p);
      setTicket(found);
      setEditing(false);
      setAsked({ code: found.trackingCode, phone4: p });
      if (found.trackingCode !== initialCode) go({ name: 'track', code: found.trackingCode }, { replace: true, state: { phone4: p } });
      if (focus) requestAnimationFrame(() => result.current?.focus());
    } catch (e) {
      setTicket(null);
      setProblem(explain(e, t, lang));
    } finally {
      setBusy(false);
    }
  }, [t, lang, initialCode]);

  // Arriving from the done page, the phone digits are known: show the progress at once.
  const auto = useRef(false);
  useEffect(() => {
    if (!auto.current && initialCode && knownPhone4) { auto.current = true; void fetchTicket(initialCode, knownPhone4, false); }
  }, [initialCode, knownPhone4, fetchTicket]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = code.trim().toUpperCase();
    const found: typeof errors = {};
    if (!c) found.code = t('required', { field: t('code') });
    if (!/^\d{4}$/.test(phone4)) found.phone4 = t('phone4Invalid');
    setErrors(found);
    if (Object.keys(found).length === 0) void fetchTicket(c, phone4, true);
  };

  return (
    <div className="page">
      <h1 className="page-title">{t('trackTitle')}</h1>
      {ticket && !editing ? (
        <div className="again">
          <span className="mono">{ticket.trackingCode}</span>
          <button type="button" className="link-button" onClick={() => setEditing(true)}>{t('trackAnother')}</button>
        </div>
      ) : (
        <form className="card" onSubmit={submit} noValidate aria-describedby="track-lead">
          <p className="lead" id="track-lead">{t('trackLead')}</p>
          <Field id="code" label={t('code')} hint={t('codeHint')} error={errors.code}>
            <input id="code" className="input mono upper" value={code} onChange={(e) => setCode(e.target.value)} autoCapitalize="characters" autoComplete="off" spellCheck={false}
              {...describedBy('code', errors.code, t('codeHint'))} />
          </Field>
          <Field id="phone4" label={t('phone4')} error={errors.phone4}>
            <input id="phone4" className="input mono short" value={phone4} onChange={(e) => setPhone4(e.target.value.replace(/\D/g, '').slice(0, 4))}
              inputMode="numeric" pattern="\d{4}" maxLength={4} autoComplete="off" {...describedBy('phone4', errors.phone4)} />
          </Field>
          <button type="submit" className="button primary block" disabled={busy} aria-busy={busy}>{busy ? t('trackSearching') : t('trackSubmit')}</button>
        </form>
      )}
      <div aria-live="assertive">{problem && <div className="alert alert-error" role="alert">{problem}</div>}</div>
      <div ref={result} tabIndex={-1} aria-live="polite" className="result-anchor">
        {ticket && asked && <Progress ticket={ticket} phone4={asked.phone4} onChanged={setTicket} onRefresh={() => void fetchTicket(asked.code, asked.phone4, false)} busy={busy} />}
      </div>
    </div>
  );
}
