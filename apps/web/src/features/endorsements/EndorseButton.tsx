import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EndorsePanel } from './EndorsePanel';
import { signatoryHeadline } from './headline';
import { useSignatories } from './useEndorsements';
import { currentLanguage, intlLocale } from '../../i18n';

/**
 * For a document page: on an adopted version, the Endorse button (or why the reader cannot
 * endorse) and the signatory headline linking to the signatories page. Nothing on other versions.
 */
export function EndorseButton({ documentId, version }: { documentId: string; version: number }) {
  const { t, i18n } = useTranslation();
  const query = useSignatories(documentId, version);
  if (!query.data?.adoptedAt) return null;
  return (
    <Stack gap="xs" data-testid="endorse-on-document">
      <Anchor component={Link} to={`/documents/${documentId}/versions/${version}/signatories`} fw={600}>
        {t('endorsements.title')}: {signatoryHeadline(t, query.data.counts, intlLocale(currentLanguage(i18n)))}
      </Anchor>
      <EndorsePanel signatories={query.data} />
    </Stack>
  );
}
