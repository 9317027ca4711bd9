import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLogout, useMe } from '../features/auth/useSession';
import { AffiliationBadge } from '../ui/AffiliationBadge';
import { notifySuccess } from '../ui/notify';

/** Log in / sign up, or the signed-in person in their affiliation form and a way out. */
export function SessionArea({ stacked = false }: { stacked?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const Wrap = stacked ? Stack : Group;

  if (me.isPending) return null;
  if (!me.data) {
    return (
      <Wrap gap="xs" wrap="nowrap">
        <Button component={Link} to="/login" variant="subtle" size="sm">
          {t('nav.logIn')}
        </Button>
        <Button component={Link} to="/signup" variant="filled" size="sm">
          {t('nav.signUp')}
        </Button>
      </Wrap>
    );
  }
  return (
    <Wrap gap="sm" wrap="nowrap" align={stacked ? 'flex-start' : 'center'}>
      <div style={{ maxWidth: stacked ? undefined : 420, lineHeight: 1.2 }}>
        <Text span size="xs" c="dimmed" display="block">
          {t('nav.signedInAs')}
        </Text>
        <AffiliationBadge name={me.data.name} personId={me.data.id} affiliation={me.data.currentSnapshot} size="xs" />
      </div>
      <Button
        variant="default"
        size="sm"
        loading={logout.isPending}
        onClick={() =>
          logout.mutate(undefined, {
            onSettled: () => notifySuccess(t, t('nav.loggedOut')),
          })
        }
      >
        {t('nav.logOut')}
      </Button>
    </Wrap>
  );
}
