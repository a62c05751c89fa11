import './platform/zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
// Global styles first, then the shared kit's, in this order; each feature's and component's own come after them.
import './app/app.css';
import './components/forms.css';
import './components/tables.css';
import './components/panels.css';
import './components/dialogs.css';
import './components/autosave-status.css';
import './components/signatures.css';
import { App } from './app/App.tsx';
import { createI18n } from './i18n/i18n.ts';
import { createApiClient } from './platform/api-client.ts';
import { ApiProvider } from './platform/api-context.tsx';
import { chooseTransport } from './platform/choose-transport.ts';
import { BandLabelsProvider } from './scales/band-labels.tsx';

// The transport first: it takes the preview token out of the URL before the router reads the hash.
const { transport } = chooseTransport();
const api = createApiClient(transport, { validateOutputs: import.meta.env.DEV });
const i18n = createI18n();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ApiProvider client={api}>
        <BandLabelsProvider>
          <App />
        </BandLabelsProvider>
      </ApiProvider>
    </I18nextProvider>
  </StrictMode>,
);
