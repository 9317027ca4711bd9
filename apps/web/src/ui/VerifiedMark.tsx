import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CheckCircleIcon, DashedCircleIcon } from './icons';

/** Whether a steward verified the organisation: an icon and a word, never the icon alone. */
export function VerifiedMark({ verified, size = 'sm' }: { verified: boolean; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Group
      component="span"
      gap={4}
      wrap="nowrap"
      style={{ display: 'inline-flex', color: verified ? '#1e6b35' : 'var(--mantine-color-gray-7)' }}
      data-verified={verified}
      title={verified ? t('affiliation.verifiedLong') : t('affiliation.unverifiedLong')}
    >
      {verified ? <CheckCircleIcon /> : <DashedCircleIcon />}
      <Text span size={size} fw={verified ? 600 : 400} c="inherit" fs={verified ? undefined : 'italic'}>
        {verified ? t('affiliation.verified') : t('affiliation.unverified')}
      </Text>
    </Group>
  );
}
