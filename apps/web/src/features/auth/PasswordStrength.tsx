import { Progress, Stack, Text } from '@mantine/core';
import { passwordEstimator, passwordKnownWords, type PasswordEstimator, type PasswordVerdict } from '@parley/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Language = 'en' | 'fr';
const estimators = new Map<Language, Promise<PasswordEstimator>>();

/**
 * The server's estimator (decision record 0021), loaded on first use: its word lists are a chunk of
 * about 2 MB that the rest of the app never downloads.
 */
function loadEstimator(language: Language): Promise<PasswordEstimator> {
  let estimator = estimators.get(language);
  if (!estimator) {
    estimator = Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
      import('@zxcvbn-ts/language-fr'),
    ]).then(([core, common, en, fr]) => passwordEstimator({ core, common, en, fr }, language));
    estimators.set(language, estimator);
  }
  return estimator;
}

const COLOURS = ['red', 'red', 'orange', 'teal', 'green'] as const;

/** How hard the password is to guess, as the person types, with the estimator's advice in their language. */
export function PasswordStrength({ password, name, email }: { password: string; name: string; email: string }) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language.startsWith('fr') ? 'fr' : 'en';
  const [verdict, setVerdict] = useState<PasswordVerdict | null>(null);

  useEffect(() => {
    if (!password) {
      setVerdict(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void loadEstimator(language).then((estimate) => {
        if (current) setVerdict(estimate(password, passwordKnownWords({ name, email })));
      });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [password, name, email, language]);

  if (!password) return null;
  const score = verdict?.score ?? 0;
  const level = verdict ? t(`auth.strength.level${score}` as 'auth.strength.level0') : t('auth.strength.checking');
  return (
    <Stack gap={4} data-testid="password-strength">
      <Progress value={verdict ? (score + 1) * 20 : 0} color={COLOURS[score]} size="sm" aria-label={t('auth.strength.label')} />
      <Text size="sm" aria-live="polite">
        {t('auth.strength.label')}: {level}
        {verdict && !verdict.strongEnough && password.length >= 10 ? ` — ${t('auth.strength.notEnough')}` : ''}
      </Text>
      {verdict && (verdict.warning || verdict.suggestions.length > 0) && (
        <Text size="sm">{[verdict.warning, ...verdict.suggestions].filter(Boolean).join(' ')}</Text>
      )}
    </Stack>
  );
}
