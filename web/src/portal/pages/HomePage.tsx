/** The portal's front door: two things a citizen comes to do, and how the loop works. */
import { useT } from '../i18n';
import { go, href } from '../router';

export function HomePage() {
  const { t } = useT();
  const steps = ['flowAccept', 'flowAssign', 'flowHandle', 'flowReply', 'flowRate'] as const;
  return (
    <div className="page">
      <section className="hero">
        <h1>{t('homeTitle')}</h1>
        <p>{t('homeLead')}</p>
      </section>
      <nav className="entry-list" aria-label={t('home')}>
        <a className="entry primary" href={href({ name: 'submit' })} onClick={(e) => { e.preventDefault(); go({ name: 'submit' }); }}>
          <span className="entry-icon" aria-hidden>✎</span>
          <span className="entry-text"><strong>{t('homeSubmit')}</strong><span>{t('homeSubmitSub')}</span></span>
          <span className="chevron" aria-hidden>›</span>
        </a>
        <a className="entry" href={href({ name: 'track', code: '' })} onClick={(e) => { e.preventDefault(); go({ name: 'track', code: '' }); }}>
          <span className="entry-icon" aria-hidden>⌕</span>
          <span className="entry-text"><strong>{t('homeTrack')}</strong><span>{t('homeTrackSub')}</span></span>
          <span className="chevron" aria-hidden>›</span>
        </a>
      </nav>
      <section className="card" aria-labelledby="flow-title">
        <h2 id="flow-title">{t('homeFlow')}</h2>
        <ol className="steps static">
          {steps.map((s, i) => <li key={s} className="done"><span className="dot" aria-hidden>{i + 1}</span><span className="step-label">{t(s)}</span></li>)}
        </ol>
      </section>
      <p className="hotline">{t('homeHotline')}</p>
    </div>
  );
}
