import { Anchor, Box, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { STAKEHOLDER_COLOURS } from '@parley/domain';
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
  const signOut = () => logout.mutate(undefined, { onSettled: () => notifySuccess(t, t('nav.loggedOut')) });
  const who = <AffiliationBadge name={me.data.name} personId={me.data.id} affiliation={me.data.currentSnapshot} size="xs" />;

  if (stacked) {
    return (
      <Stack gap="sm" align="flex-start">
        <div style={{ lineHeight: 1.2 }}>
          <Text span size="xs" c="dimmed" display="block">
            {t('nav.signedInAs')}
          </Text>
          {who}
        </div>
        <Anchor component={Link} to="/me" size="sm" fw={600}>
          {t('nav.myProfile')}
        </Anchor>
        <Anchor component={Link} to="/me/security" size="sm" fw={600}>
          {t('security.title')}
        </Anchor>
        <Anchor component={Link} to="/notifications" size="sm" fw={600}>
          {t('notifications.centre.title')}
        </Anchor>
        {me.data.isSteward ? (
          <Anchor component={Link} to="/steward/outbox" size="sm" fw={600}>
            {t('notifications.outbox.title')}
          </Anchor>
        ) : null}
        {me.data.isSteward ? (
          <Anchor component={Link} to="/steward/identity-providers" size="sm" fw={600}>
            {t('nav.identityProviders')}
          </Anchor>
        ) : null}
        <Button variant="default" size="sm" loading={logout.isPending} onClick={signOut}>
          {t('nav.logOut')}
        </Button>
      </Stack>
    );
  }
  // In the header: the name in its stakeholder group's colour; the affiliation, profile and log out in a menu.
  const group = me.data.currentSnapshot?.stakeholderGroup;
  return (
    <Menu position="bottom-end" width={320} shadow="md" withinPortal>
      <Menu.Target>
        <Button variant="default" size="sm" loading={logout.isPending} aria-label={t('nav.accountMenu', { name: me.data.name })} maw={240}>
          {group ? <span className="stakeholder-swatch" style={{ background: STAKEHOLDER_COLOURS[group], marginInlineEnd: 8 }} aria-hidden="true" /> : null}
          <Text span size="sm" fw={600} truncate="end">
            <bdi>{me.data.name}</bdi>
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('nav.signedInAs')}</Menu.Label>
        <Box px="sm" pb="xs">
          {who}
        </Box>
        <Menu.Divider />
        <Menu.Item component={Link} to="/me">
          {t('nav.myProfile')}
        </Menu.Item>
        <Menu.Item component={Link} to="/me/security">
          {t('security.title')}
        </Menu.Item>
        <Menu.Item component={Link} to="/me/notifications">
          {t('notifications.preferences.title')}
        </Menu.Item>
        {me.data.isSteward ? (
          <Menu.Item component={Link} to="/steward/outbox">
            {t('notifications.outbox.title')}
          </Menu.Item>
        ) : null}
        {me.data.isSteward ? (
          <Menu.Item component={Link} to="/steward/identity-providers">
            {t('nav.identityProviders')}
          </Menu.Item>
        ) : null}
        <Menu.Item onClick={signOut}>{t('nav.logOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
