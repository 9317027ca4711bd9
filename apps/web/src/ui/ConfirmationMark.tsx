import { Group, Text } from '@mantine/core';
import type { ConfirmationMark as Mark } from '@parley/domain';
import { useTranslation } from 'react-i18next';
import { CheckCircleIcon, DashedCircleIcon } from './icons';
import { useFormatters } from './useFormatters';

/**
 * Whether the organisation confirmed the person's affiliation (its focal point, or a steward):
 * the person's own mark, beside (never instead of) the organisation's verified badge. An icon and
 * a word, never the icon alone; who confirmed it and when in the title.
 */
export function ConfirmationMark({ confirmation, size = 'sm' }: { confirmation: Mark | null; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const confirmed = confirmation !== null;
  return (
    <Group
      component="span"
      gap={4}
      wrap="nowrap"
      style={{ display: 'inline-flex', color: confirmed ? '#1e6b35' : '#8a3b00' }}
      data-confirmed={confirmed}
      title={
        confirmation
          ? t('affiliation.confirmedLong', { name: confirmation.by.name, role: t(`confirmation.roles.${confirmation.as}`), date: f.date(confirmation.at) })
          : t('affiliation.unconfirmedLong')
      }
    >
      {confirmed ? <CheckCircleIcon /> : <DashedCircleIcon />}
      <Text span size={size} fw={confirmed ? 600 : 400} c="inherit" fs={confirmed ? undefined : 'italic'}>
        {confirmed ? t('affiliation.confirmed') : t('affiliation.unconfirmed')}
      </Text>
    </Group>
  );
}
