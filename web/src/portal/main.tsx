/** The public portal's entry: plain React and its own small stylesheet, nothing of the console's weight. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { I18n } from './i18n';
import './portal.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18n>
      <App />
    </I18n>
  </StrictMode>,
);
