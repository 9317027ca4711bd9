import type { ActiveSessionResponse } from '@parley/contracts';
import type { TFunction } from 'i18next';

/** "Firefox on Windows", "A script (curl)", in the reader's language (the names themselves are proper names). */
export function deviceText(t: TFunction, device: ActiveSessionResponse['device']): string {
  if (device.kind === 'browser') return device.os ? t('security.sessions.device.browserOn', { browser: device.browser, os: device.os }) : device.browser;
  if (device.kind === 'script') return device.tool ? t('security.sessions.device.scriptWith', { tool: device.tool }) : t('security.sessions.device.script');
  return t('security.sessions.device.unknown');
}

/** A moment in the reader's language and time zone. */
export const dateTime = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
