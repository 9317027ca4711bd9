import type { QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { RouterProvider } from 'react-router-dom';
import type { createBrowserRouter } from 'react-router-dom';
import { AppProviders } from './providers';

export function App({ i18n, queryClient, router }: { i18n: I18n; queryClient: QueryClient; router: ReturnType<typeof createBrowserRouter> }) {
  return (
    <AppProviders i18n={i18n} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
