import { App as AntApp, ConfigProvider } from 'antd';
import 'antd/dist/antd.css';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, matchPath } from 'react-router-dom';
import { App } from './App';
import { preloadAllPages, preloadPage } from './components/LazyPage';
import { allPages } from './nav';
import { AuthProvider } from './auth';
import { I18nProvider, useI18n } from './i18n';
import { readFilters, toQuery } from './pages/tickets/ticketFilters';
import { prefetchTicketPage } from './pages/tickets/useTicketPages';

// The page of the address is fetched at once, alongside the session check; the ticket list, the page people
// reload most, its first rows too. The other pages follow when the browser is idle.
const here = allPages().find((p) => matchPath(p.path, window.location.pathname));
if (here) void preloadPage(here.element).catch(() => undefined);
if (window.location.pathname === '/tickets') prefetchTicketPage(toQuery(readFilters(new URLSearchParams(window.location.search))));
// (Not at once: the browser is idle while the session is checked, and the page of the address comes first.)
const idle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
window.addEventListener('load', () => setTimeout(() => idle(preloadAllPages, { timeout: 3000 }), 2000));

// zeroRuntime: the components' styles come from antd's prebuilt stylesheet instead of being generated in the
// browser at first render, which cost a page load ~200 ms of script (measured with bench/web.bench.ts).
const THEME = { zeroRuntime: true, token: { colorPrimary: '#1f5fa8', colorLink: '#1f5fa8', borderRadius: 6 } };

function Themed() {
  const { lang } = useI18n();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={THEME}>
      <AntApp>
        <BrowserRouter>
          <AuthProvider>
            <App />
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <Themed />
    </I18nProvider>
  </StrictMode>,
);
