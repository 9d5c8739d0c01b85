/** 评价: resolved? satisfied? — two answers with big targets, and an optional comment. */
import { useState, type FormEvent } from 'react';
import { explain, rate, type PublicTicket, type Rating } from '../api';
import { useT } from '../i18n';

type Resolved = Rating['resolved'];
type Satisfaction = Rating['satisfaction'];

function Choice<V extends string>({ name, legend, options, value, onChange }: { name: string; legend: string; options: Array<[V, string]>; value: V | null; onChange(v: V): void }) {
  return (
    <fieldset className="choice">
      <legend>{legend}</legend>
      <div className="choice-row">
        {options.map(([v, label]) => (
          <label key={v} className={`choice-option${value === v ? ' selected' : ''}`}>
            <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function RateForm({ code, phone4, onRated }: { code: string; phone4: string; onRated(t: PublicTicket): void }) {
  const { t, lang } = useT();
  const [resolved, setResolved] = useState<Resolved | null>(null);
  const [satisfaction, setSatisfaction] = useState<Satisfaction | null>(null);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!resolved || !satisfaction) { setProblem(t('rateChoose')); return; }
    setBusy(true);
    setProblem(null);
    try {
      onRated(await rate(code, { phone4, resolved, satisfaction, comment: comment.trim() || null }));
    } catch (err) {
      setProblem(explain(err, t, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card rate" onSubmit={send} aria-labelledby="rate-title" noValidate>
      <h2 id="rate-title">{t('rateTitle')}</h2>
      <p className="hint">{t('rateLead')}</p>
      <Choice<Resolved> name="resolved" legend={t('resolved')} value={resolved} onChange={setResolved}
        options={[['yes', t('resolvedYes')], ['partly', t('resolvedPartly')], ['no', t('resolvedNo')]]} />
      <Choice<Satisfaction> name="satisfaction" legend={t('satisfaction')} value={satisfaction} onChange={setSatisfaction}
        options={[['satisfied', t('satisfied')], ['basic', t('basic')], ['unsatisfied', t('unsatisfied')]]} />
      <div className="field">
        <label htmlFor="comment">{t('comment')}<span className="optional">{t('commentHint')}</span></label>
        <textarea id="comment" className="input" rows={3} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <div aria-live="assertive">{problem && <p className="alert alert-error" role="alert">{problem}</p>}</div>
      <button type="submit" className="button primary block" disabled={busy} aria-busy={busy}>{t('rateSubmit')}</button>
    </form>
  );
}
