import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** Below an export's download links: verify it here in the browser, or with the command-line verifier. */
export function VerifyExportHint() {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" mt="xs">
        <Anchor component={Link} to="/audit/verify" fw={600}>
          {t('auditVerifier.link')}
        </Anchor>
      </Text>
      <Text size="xs" c="dimmed" mt={4} ff="monospace">
        {t('audit.exports.verify')}
      </Text>
    </>
  );
}
