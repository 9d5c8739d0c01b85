/** A request as its requester sees it: status, the five steps of the loop, the reply, rating, history. */
import type { PublicTicket } from '../api';
import { photoUrl } from '../api';
import { useT } from '../i18n';
import { RateForm } from './RateForm';

const STEPS = ['flowAccept', 'flowAssign', 'flowHandle', 'flowReply', 'flowRate'] as const;

/** How far along the loop a status is (index into STEPS); merged and rejected leave it. */
function reached(t: PublicTicket): number {
  switch (t.status) {
    case 'new': return 0;
    case 'assigned': case 'arbitration': return 1;
    case 'in_progress': return 2;
    case 'replied': return 3;
    case 'closed': return 4;
    case 'merged': case 'rejected': return -1;
  }
}

export function when(at: string | null | undefined, lang: 'zh' | 'en'): string {
  if (!at) return '';
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
  // Beijing time, written the way a Chinese notice writes it; English readers get the same digits.
  return lang === 'zh' ? `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}` : `${p('day')}/${p('month')}/${p('year')} ${p('hour')}:${p('minute')}`;
}

export function Progress({ ticket, phone4, onChanged, onRefresh, busy }: { ticket: PublicTicket; phone4: string; onChanged(t: PublicTicket): void; onRefresh(): void; busy: boolean }) {
  const { t, lang } = useT();
  const step = reached(ticket);
  const RESOLVED = { yes: t('resolvedYes'), partly: t('resolvedPartly'), no: t('resolvedNo') } as Record<string, string>;
  const SATISFACTION = { satisfied: t('satisfied'), basic: t('basic'), unsatisfied: t('unsatisfied') } as Record<string, string>;
  return (
    <>
      <section className="card status-card" aria-labelledby="status-title">
        <div className="status-row">
          <span className={`pill pill-${ticket.status}`} id="status-title" data-testid="status">{t(`st_${ticket.status}`)}</span>
          <button type="button" className="link-button" onClick={onRefresh} disabled={busy}>{t('refresh')}</button>
        </div>
        <h2 className="ticket-title">{ticket.title}</h2>
        <dl className="facts">
          <div><dt>{t('code')}</dt><dd className="mono">{ticket.trackingCode}</dd></div>
          <div><dt>{t('acceptedAt')}</dt><dd>{when(ticket.acceptedAt, lang)}</dd></div>
          {ticket.serviceName && <div><dt>{t('serviceName')}</dt><dd>{ticket.serviceName}</dd></div>}
          {ticket.leadUnitName && <div><dt>{t('leadUnit')}</dt><dd>{ticket.leadUnitName}</dd></div>}
        </dl>
        {ticket.publicReason && <p className="alert alert-warn"><strong>{t('rejectedReason')}：</strong>{ticket.publicReason}</p>}
        {step >= 0 && (
          <ol className="steps" aria-label={t('progress')}>
            {STEPS.map((s, i) => (
              <li key={s} className={i < step || step === 4 ? 'done' : i === step ? 'current' : ''} aria-current={i === step && step < 4 ? 'step' : undefined}>
                <span className="dot" aria-hidden>{i < step || step === 4 ? '✓' : i + 1}</span>
                <span className="step-label">{t(s)}</span>
              </li>
            ))}
          </ol>
        )}
        {ticket.status === 'closed' && <p className="closed-note">✓ {t('closedNote')}</p>}
      </section>

      {ticket.replyText && (
        <section className="card reply" aria-labelledby="reply-title">
          <h2 id="reply-title">{t('reply')}</h2>
          <p className="reply-text">{ticket.replyText}</p>
          <p className="hint">{ticket.leadUnitName ? `${ticket.leadUnitName} · ` : ''}{t('repliedAt')} {when(ticket.repliedAt, lang)}</p>
        </section>
      )}

      {ticket.canRate && <RateForm code={ticket.trackingCode} phone4={phone4} onRated={onChanged} />}

      {ticket.ratedAt && (
        <section className="card" aria-labelledby="rated-title">
          <h2 id="rated-title">{t('rated')}</h2>
          <p className="rated">
            <span className="pill pill-soft">{RESOLVED[ticket.ratingResolved ?? ''] ?? ''}</span>
            <span className="pill pill-soft">{SATISFACTION[ticket.ratingSatisfaction ?? ''] ?? ''}</span>
          </p>
          <p className="hint">{ticket.ratingSatisfaction === 'unsatisfied' ? t('ratedUnsatisfied') : t('ratedThanks')}</p>
        </section>
      )}

      {ticket.photos.length > 0 && (
        <section className="card" aria-labelledby="photos-title">
          <h2 id="photos-title">{t('yourPhotos')}</h2>
          <ul className="thumbs">
            {ticket.photos.map((p, i) => (
              <li key={p.id}><a href={photoUrl(ticket.trackingCode, phone4, p.id)} target="_blank" rel="noreferrer">
                <img src={photoUrl(ticket.trackingCode, phone4, p.id)} alt={t('photoAlt', { n: i + 1 })} loading="lazy" />
              </a></li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('timeline')}</h2>
        <ol className="timeline">
          {[...ticket.events].reverse().map((e, i) => (
            <li key={`${e.at}-${e.action}-${i}`} className={i === 0 ? 'latest' : ''}>
              <p className="event-label">{e.label}{e.unitName && <span className="event-unit"> · {e.unitName}</span>}</p>
              {e.detail && <p className="event-detail">{e.detail}</p>}
              <p className="event-time"><time dateTime={e.at}>{when(e.at, lang)}</time></p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
