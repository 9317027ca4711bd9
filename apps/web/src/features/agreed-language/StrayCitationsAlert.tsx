import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Before sending: cited words the drafter has since edited are no longer agreed language; the server would refuse them. */
export function StrayCitationsAlert({ count, onRemove }: { count: number; onRemove: () => void }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={t('agreedLanguage.citations.strayTitle')} data-testid="stray-citations">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('agreedLanguage.citations.strayExplain', { n: count })}</Text>
        <Button size="xs" variant="default" onClick={onRemove}>
          {t('agreedLanguage.citations.removeStray')}
        </Button>
      </Stack>
    </Alert>
  );
}
