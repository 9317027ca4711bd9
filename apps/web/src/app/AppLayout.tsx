import { Anchor, AppShell, Box, Burger, Container, Divider, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useMe } from '../features/auth/useSession';
import { LanguageSync } from '../features/notifications/LanguageSync';
import { TwoFactorBanner } from '../features/security/TwoFactorBanner';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { SearchBox } from '../features/search/SearchBox';
import { LiveStatusIndicator } from '../realtime/LiveStatusIndicator';
import { PageLoader } from '../ui/PageLoader';
import { requestTitleFocus } from '../ui/PageTitle';
import { LanguageSwitch } from './LanguageSwitch';
import { NAV_ITEMS } from './navigation';
import { SessionArea } from './SessionArea';

function NavLinks({ direction }: { direction: 'row' | 'column' }) {
  const { t } = useTranslation();
  const me = useMe();
  const items = NAV_ITEMS.filter((i) => (!i.signedIn || me.data) && (!i.menuOnly || direction === 'column'));
  return (
    <Box component="ul" m={0} p={0} style={{ listStyle: 'none', display: 'flex', flexDirection: direction, gap: 4 }}>
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} className="nav-link" style={{ display: 'inline-block' }}>
            {t(item.label)}
          </NavLink>
        </li>
      ))}
    </Box>
  );
}

/** The frame of every page: skip link, header with navigation, language and session, main landmark. */
export function AppLayout() {
  const { t } = useTranslation();
  const [menuOpen, menu] = useDisclosure(false);
  const location = useLocation();
  const firstRender = useRef(true);

  useEffect(() => {
    menu.close();
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    requestTitleFocus();
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <>
      <LanguageSync />
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell header={{ height: 64 }} navbar={{ width: 300, breakpoint: 'lg', collapsed: { mobile: !menuOpen, desktop: true } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
            <Group gap="lg" wrap="nowrap">
              <Burger
                opened={menuOpen}
                onClick={menu.toggle}
                hiddenFrom="lg"
                size="sm"
                aria-label={menuOpen ? t('nav.closeMenu') : t('nav.openMenu')}
                aria-expanded={menuOpen}
                aria-controls="mobile-menu"
              />
              <Anchor component={Link} to="/" fw={800} fz="xl" c="gray.9" underline="never" aria-label={t('nav.home')}>
                {t('app.name')}
              </Anchor>
              <Box component="nav" aria-label={t('nav.label')} visibleFrom="lg">
                <NavLinks direction="row" />
              </Box>
            </Group>
            <SearchBox />
            <Group gap="md" wrap="nowrap">
              <LiveStatusIndicator />
              <NotificationBell />
              <Group gap="md" wrap="nowrap" visibleFrom="lg">
                <SessionArea />
                <LanguageSwitch />
              </Group>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="md" id="mobile-menu" hidden={!menuOpen}>
          {menuOpen ? (
            <Stack gap="md">
              <nav aria-label={t('nav.label')}>
                <NavLinks direction="column" />
              </nav>
              <Divider />
              <SessionArea stacked />
              <Divider />
              <LanguageSwitch />
            </Stack>
          ) : null}
        </AppShell.Navbar>

        <AppShell.Main id="main" tabIndex={-1}>
          <Container size="lg" px={0} pb="xl">
            <TwoFactorBanner />
            <Suspense fallback={<PageLoader />}>
              <Outlet />
            </Suspense>
          </Container>
          <Container size="lg" px={0} component="footer">
            <Divider mb="sm" />
            <Group justify="space-between" align="baseline" gap="xs">
              <Text size="sm" c="dimmed">
                {t('app.footer')}
              </Text>
              <Group gap="md">
                <Anchor component={Link} to="/agreed-language" size="sm" fw={600}>
                  {t('nav.agreedLanguage')}
                </Anchor>
                <Anchor component={Link} to="/how-it-works" size="sm" fw={600}>
                  {t('howItWorks.footerLink')}
                </Anchor>
              </Group>
            </Group>
          </Container>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
