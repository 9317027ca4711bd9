import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router-dom';
import { createQueryClient } from './api/query-client';
import { App } from './app/App';
import { routes } from './app/router';
import { startI18n } from './i18n';

const queryClient = createQueryClient();
const router = createBrowserRouter(routes);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The reader's language is fetched before the first render (English is in this script already). Not
// a top-level await: that would turn off the bundler's chunk optimisations for the whole app.
void startI18n().then((i18n) =>
  createRoot(root).render(
    <StrictMode>
      <App i18n={i18n} queryClient={queryClient} router={router} />
    </StrictMode>,
  ),
);
