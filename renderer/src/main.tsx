import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import './i18n';
import { App } from './App';
import { startTheme } from './preferences/theme';
import { startLiveUpdates } from './stores/liveUpdates';
import { startRouter } from './stores/routeStore';
import { restoreSession } from './stores/sessionStore';
import './styles/theme.css';
import './styles/app.css';
import './styles/interventions.css';
import './styles/sections.css';
import './styles/caseload.css';

// The theme first: the page is already in it (public/theme-boot.js); this keeps it current.
startTheme();
startRouter();
startLiveUpdates();
void restoreSession();

/**
 * A new language re-renders everything: labels made outside components (domain/labels.ts) read
 * the language when called, so the tree is keyed on it rather than relying on each hook.
 */
function Root() {
  const { i18n } = useTranslation();
  return <App key={i18n.language} />;
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}
