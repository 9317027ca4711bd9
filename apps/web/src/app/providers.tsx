import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { directionOf } from '@parley/contracts';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useEffect, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { LiveProvider } from '../realtime/LiveProvider';
import { cssVariablesResolver, theme } from './theme';

/** Mantine's direction kept in step with the language: right to left in Arabic, left to right otherwise. */
function DirectionFollowsLanguage() {
  const { i18n } = useTranslation();
  const { dir, setDirection } = useDirection();
  const wanted = directionOf(currentLanguage(i18n));
  useEffect(() => {
    if (dir !== wanted) setDirection(wanted);
  }, [dir, wanted, setDirection]);
  return null;
}

/** Notifications in the bottom corner at the end of the line: right in English, left in Arabic. */
function EndNotifications() {
  const { dir } = useDirection();
  return <Notifications position={dir === 'rtl' ? 'bottom-left' : 'bottom-right'} zIndex={1000} />;
}

/** Everything a page needs around it: translations, the direction of the page, the server-state cache, the component library. */
export function AppProviders({ i18n, queryClient, children }: { i18n: I18n; queryClient: QueryClient; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <DirectionProvider initialDirection={directionOf(currentLanguage(i18n))}>
          <DirectionFollowsLanguage />
          <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
            <EndNotifications />
            <LiveProvider>{children}</LiveProvider>
          </MantineProvider>
        </DirectionProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
