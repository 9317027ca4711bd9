import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { cssVariablesResolver, theme } from '../app/theme';
import { type Language } from '../i18n';
import { createI18n } from './i18n';

/** Renders a component inside the app's providers, with a fresh cache and a chosen language. */
export function renderWithApp(
  ui: ReactElement,
  { language = 'en', route = '/', ...options }: { language?: Language; route?: string } & Omit<RenderOptions, 'wrapper'> = {},
) {
  const i18n = createI18n({ lng: language, detect: false });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
          <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
  return { i18n, queryClient, ...render(ui, { wrapper: Wrapper, ...options }) };
}
