/** The public portal: no sign-in, a phone first, Chinese first. */
import { useEffect } from 'react';
import { useT } from './i18n';
import { DonePage } from './pages/DonePage';
import { HomePage } from './pages/HomePage';
import type { DoneState } from './pages/SubmitPage';
import { SubmitPage } from './pages/SubmitPage';
import { TrackPage } from './pages/TrackPage';
import { go, href, useRoute } from './router';

export function App() {
  const { t, lang, setLang } = useT();
  const { route, state } = useRoute();
  const titles = { home: t('brandSub'), submit: t('submitTitle'), done: t('doneTitle'), track: t('trackTitle') } as const;
  useEffect(() => { document.title = `${t('brand')} · ${titles[route.name]}`; });
  const phone4 = (state as { phone4?: string } | null)?.phone4 ?? null;
  return (
    <>
      <a className="skip" href="#main">{lang === 'zh' ? '跳到正文' : 'Skip to content'}</a>
      <header className="topbar">
        {route.name !== 'home'
          ? <a className="back" href={href({ name: 'home' })} onClick={(e) => { e.preventDefault(); go({ name: 'home' }); }}>‹ <span>{t('back')}</span></a>
          : <span className="back-spacer" />}
        <a className="brand" href={href({ name: 'home' })} onClick={(e) => { e.preventDefault(); go({ name: 'home' }); }}>
          <span className="brand-name">{t('brand')}</span>
          <span className="brand-sub">{t('brandSub')}</span>
        </a>
        <button type="button" className="lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} lang={lang === 'zh' ? 'en' : 'zh'}>{t('switchLang')}</button>
      </header>
      <main id="main">
        {route.name === 'home' && <HomePage />}
        {route.name === 'submit' && <SubmitPage />}
        {route.name === 'done' && <DonePage code={route.code} state={state as DoneState | null} />}
        {route.name === 'track' && <TrackPage code={route.code} phone4={phone4} />}
      </main>
      <footer className="footer">{t('footer')}</footer>
    </>
  );
}
