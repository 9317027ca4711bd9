import { Button, Group } from '@mantine/core';
import type { DocumentResponse } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ExportMenu } from './ExportMenu';

/** On a version's page: its files to download, and (for those who may amend the current version) amendments read from a Word file. */
export function ExchangeActions({ doc, version }: { doc: DocumentResponse; version: number }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="wrap">
      <ExportMenu doc={doc} version={version} />
      {doc.can.amend && doc.version.isCurrent ? (
        <Button
          component={Link}
          to={`/documents/${doc.id}/import`}
          variant="default"
          size="sm"
          maw="100%"
          // A long label (French) wraps on a phone instead of running off the screen.
          styles={{ root: { height: 'auto', minHeight: 'var(--button-height)', paddingBlock: 4 }, label: { whiteSpace: 'normal' } }}
          data-testid="propose-from-word"
        >
          {t('exchange.amendments.open')}
        </Button>
      ) : null}
    </Group>
  );
}
