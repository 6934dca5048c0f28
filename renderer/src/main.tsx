import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startLiveUpdates } from './stores/liveUpdates';
import { startRouter } from './stores/routeStore';
import { restoreSession } from './stores/sessionStore';
import './styles/theme.css';
import './styles/app.css';
import './styles/interventions.css';
import './styles/sections.css';

startRouter();
startLiveUpdates();
void restoreSession();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
