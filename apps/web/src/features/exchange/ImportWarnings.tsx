import { Alert, List } from '@mantine/core';
import type { ImportWarning } from '@parley/contracts';
import { useTranslation } from 'react-i18next';

/** What the Word file had that Parley leaves out, said before anything is created. */
export function ImportWarnings({ warnings }: { warnings: readonly ImportWarning[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" title={t('exchange.warnings.title')} role="note" data-testid="import-warnings">
      <List size="sm">
        {warnings.map((w) => (
          <List.Item key={w}>{t(`exchange.warnings.${w}`)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
