import { Badge } from '@mantine/core';
import type { WorkingGroupStatus } from '@parley/contracts';
import { useTranslation } from 'react-i18next';

const STATUS_COLOURS: Record<WorkingGroupStatus, string> = { forming: 'gray', active: 'teal', closed: 'dark' };

export function StatusBadge({ status }: { status: WorkingGroupStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOURS[status]} c="gray.9" style={{ textTransform: 'none', flexShrink: 0 }}>
      {t(`workingGroups.status.${status}`)}
    </Badge>
  );
}

/** A chair term with no confirming ballot: said in words, in red. */
export function UnconfirmedBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="red" c="red.9" size="sm" style={{ textTransform: 'none' }} data-testid="unconfirmed-badge">
      {t('workingGroups.chairs.unconfirmed')}
    </Badge>
  );
}

export function ConfirmedBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="teal" c="teal.9" size="sm" style={{ textTransform: 'none' }}>
      {t('workingGroups.chairs.confirmed')}
    </Badge>
  );
}

export function RoleBadge({ label }: { label: string }) {
  return (
    <Badge variant="default" size="sm" c="gray.9" style={{ textTransform: 'none' }}>
      {label}
    </Badge>
  );
}
