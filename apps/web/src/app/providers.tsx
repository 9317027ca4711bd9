import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { LiveProvider } from '../realtime/LiveProvider';
import { cssVariablesResolver, theme } from './theme';

/** Everything a page needs around it: translations, the server-state cache, the component library. */
export function AppProviders({ i18n, queryClient, children }: { i18n: I18n; queryClient: QueryClient; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          <Notifications position="bottom-right" zIndex={1000} />
          <LiveProvider>{children}</LiveProvider>
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
