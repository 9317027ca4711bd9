import { useQueryClient } from '@tanstack/react-query';
import type { ApiResponse } from '@parley/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../../api/typed-client';
import { readerLanguage } from '../../i18n/reader-language';
import { useMe } from '../auth/useSession';
import { PREFERENCES_KEY, useNotificationPreferences } from './useNotifications';

type Prefs = ApiResponse<'GET /api/me/notification-preferences'>;

/**
 * Keeps the language of a signed-in person's e-mail the one they read Parley in: after signing in
 * when it differs, and whenever they switch language. Each (person, language) is sent once.
 */
export function LanguageSync() {
  const { i18n } = useTranslation();
  const me = useMe();
  const personId = me.data?.id ?? null;
  const prefs = useNotificationPreferences(!!personId);
  const qc = useQueryClient();
  const sent = useRef(new Set<string>());
  const language = readerLanguage(i18n);
  const mailLanguage = prefs.data?.email.language;
  useEffect(() => {
    if (!personId || !mailLanguage || mailLanguage === language) return;
    const key = `${personId}|${language}`;
    if (sent.current.has(key)) return;
    sent.current.add(key);
    apiCall('PUT /api/me/language', { body: { language } })
      .then(() => qc.setQueryData<Prefs>(PREFERENCES_KEY, (p) => (p ? { ...p, email: { ...p.email, language } } : p)))
      // Not worth troubling the reader: the next sign-in tries again.
      .catch(() => sent.current.delete(key));
  }, [personId, language, mailLanguage, qc]);
  return null;
}
