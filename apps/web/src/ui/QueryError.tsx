import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../i18n/server-messages';

/** A failed load, with the server's reason in the reader's language and a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert">
      {problemMessage(t, error)}
      {onRetry ? (
        <div>
          <Button variant="subtle" size="compact-sm" mt="xs" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </div>
      ) : null}
    </Alert>
  );
}
