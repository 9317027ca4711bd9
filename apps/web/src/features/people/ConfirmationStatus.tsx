import { Text } from '@mantine/core';
import type { AffiliationResponse } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../ui/useFormatters';

/** Where a declared affiliation stands with its organisation: awaiting, confirmed, refused or ended, by whom, when, why. */
export function ConfirmationStatus({ a }: { a: AffiliationResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const c = a.confirmation;
  const role = (r: string | null) => (r === 'steward' || r === 'focal-point' || r === 'identity-provider' ? t(`confirmation.roles.${r}`) : '');
  let text: string;
  if (c.status === 'pending') text = t('confirmation.status.pending', { organisation: a.organisation.name });
  else if (c.status === 'confirmed') text = t('confirmation.status.confirmed', { name: c.confirmedBy?.name ?? '', role: role(c.confirmedAs), date: c.confirmedAt ? f.date(c.confirmedAt) : '' });
  else
    text = t(`confirmation.status.${c.status}`, { name: c.closedBy?.name ?? '', role: role(c.closedAs), date: c.closedAt ? f.date(c.closedAt) : '', reason: c.closedReason ?? '' });
  return (
    // Dark enough on white for WCAG AA (the verified mark's green, a deep orange, Mantine's red.9).
    <Text size="sm" c={c.status === 'confirmed' ? '#1e6b35' : c.status === 'pending' ? '#8a3b00' : 'red.9'} data-confirmation-status={c.status}>
      {text}
    </Text>
  );
}
