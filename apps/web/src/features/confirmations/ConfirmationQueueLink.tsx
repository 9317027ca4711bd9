import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMyFocalPoints } from './useConfirmations';

/** For a focal point (or a steward): the way to the affiliations awaiting their word. */
export function ConfirmationQueueLink({ isSteward }: { isSteward: boolean }) {
  const { t } = useTranslation();
  const mine = useMyFocalPoints(true);
  if (!isSteward && !(mine.data && mine.data.organisations.length > 0)) return null;
  return (
    <Anchor component={Link} to="/confirmations" size="sm" fw={600}>
      {t('confirmation.queueLink')}
    </Anchor>
  );
}
