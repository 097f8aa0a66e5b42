import {
  Anchor,
  AppShell,
  Avatar,
  Badge,
  Burger,
  Button,
  Container,
  Group,
  Menu,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Suspense, useEffect, useRef } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import type { Me } from '../../shared/auth.js';
import { Loading } from '../components/Loading.js';
import { canUseSecretariat, useMe, useRoleLabel, useSignOut } from '../features/auth/auth.api.js';
import { HeaderSearch } from '../features/search/HeaderSearch.js';
import { LanguageSwitcher, useAccountLanguage } from '../i18n/language.js';
import { problemMessage } from '../i18n/problem.js';
import { signInPath } from './sign-in-path.js';

interface NavItem {
  to: string;
  label:
    | 'home'
    | 'members'
    | 'meetings'
    | 'statements'
    | 'progress'
    | 'pledges'
    | 'desk'
    | 'reports'
    | 'secretariat'
    | 'imports';
  end?: boolean;
  /** The signed-in user's own places: in the header they sit in one "My work" menu, so that the row fits. */
  own?: boolean;
}

function navItems(me: Me | null | undefined): NavItem[] {
  const items: NavItem[] = [
    { to: '/', label: 'home', end: true },
    { to: '/members', label: 'members' },
    { to: '/meetings', label: 'meetings' },
    { to: '/statements', label: 'statements' },
    { to: '/lines-of-effort', label: 'progress' },
    { to: '/pledges', label: 'pledges' },
  ];
  if (me) items.push({ to: '/desk', label: 'desk', own: true });
  if (canUseSecretariat(me) || (me?.role === 'focal_point' && me.memberCode))
    items.push({ to: '/imports', label: 'imports', own: true });
  if (me?.role === 'focal_point') items.push({ to: '/reports', label: 'reports', own: true });
  if (canUseSecretariat(me)) items.push({ to: '/secretariat', label: 'secretariat', own: true });
  return items;
}

function useSignOutAndLeave(everywhere: boolean) {
  const signOut = useSignOut(everywhere);
  const navigate = useNavigate();
  const { t } = useTranslation();
  return () =>
    signOut.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ message: everywhere ? t('account.signedOutEverywhere') : t('account.signedOut') });
        navigate('/');
      },
      onError: (error) =>
        notifications.show({ color: 'red', title: t('account.signOutFailed'), message: problemMessage(t, error) }),
    });
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join('');

/** The signed-in user's own places (desk, reports, imports, secretariat) in one menu of links. */
function MyWorkMenu({ items }: { items: NavItem[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  if (items.length === 0) return null;
  const here = items.some((item) => pathname === item.to || pathname.startsWith(`${item.to}/`));
  return (
    <Menu position="bottom-start" width={220}>
      <Menu.Target>
        <Button
          variant={here ? 'light' : 'subtle'}
          px="xs"
          className="nav-link"
          rightSection={<span aria-hidden="true">▾</span>}
        >
          {t('nav.myWork')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {items.map((item) => {
          const current = pathname === item.to || pathname.startsWith(`${item.to}/`);
          return (
            <Menu.Item
              key={item.to}
              component={Link}
              to={item.to}
              aria-current={current ? 'page' : undefined}
              fw={current ? 600 : undefined}
            >
              {t(`nav.${item.label}`)}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}

function AccountMenu({ me }: { me: Me }) {
  const signOut = useSignOutAndLeave(false);
  const signOutEverywhere = useSignOutAndLeave(true);
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        {/*
          Named by what it shows, with "Account:" before it for a screen reader: a name of its own
          (aria-label) would not be the words a speech-input user reads on it and says (WCAG 2.5.3).
        */}
        <UnstyledButton className="account-button">
          <Group gap="xs" wrap="nowrap">
            <VisuallyHidden>{t('account.menuPrefix')} </VisuallyHidden>
            {/* A phone has no room for the name: its initials stand in, and the name is still read out. */}
            <Avatar size="sm" color="blue" hiddenFrom="sm" aria-hidden="true">
              {initials(me.name)}
            </Avatar>
            <Text size="sm" fw={600} truncate="end" maw={240} className="account-name">
              {me.name}
            </Text>
            {/* Below 1408 px the header has no room for the role: the menu shows it. */}
            <Badge variant="light" visibleFrom="xl">
              {roleLabel(me)}
            </Badge>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        <Menu.Label>
          <Badge variant="light">{roleLabel(me)}</Badge>
        </Menu.Label>
        <Menu.Item onClick={signOut}>{t('account.signOut')}</Menu.Item>
        <Menu.Item onClick={signOutEverywhere}>{t('account.signOutEverywhere')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The frame of every page: header with the navigation, a burger menu below 1200 px, and the page. */
export function Layout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { data: me } = useMe();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const signOut = useSignOutAndLeave(false);
  const items = navItems(me);
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  useAccountLanguage(me);

  // A new page: close the menu and move focus to the page, so that a screen reader starts
  // there. Only the path counts: typing in a search box changes the query string, not the page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on a change of path only
  useEffect(() => {
    close();
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <AppShell
      header={{ height: 60 }}
      // Seven links in French (and the account's name) need 1200 px in a row: below that, the burger menu.
      navbar={{ width: 260, breakpoint: 'lg', collapsed: { mobile: !opened, desktop: true } }}
      padding="md"
    >
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="lg"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={opened}
              aria-controls="site-navbar"
            />
            <Anchor component={Link} to="/" className="brand" underline="never" aria-label={t('brandHome')}>
              <img src="/favicon.svg" alt="" width={28} height={28} />
              <span>{t('brand')}</span>
            </Anchor>
            <Group component="nav" aria-label={t('nav.main')} gap={2} visibleFrom="lg" ms="md" wrap="nowrap">
              {items
                .filter((item) => !item.own)
                .map((item) => (
                  <Button
                    key={item.to}
                    component={NavLink}
                    to={item.to}
                    end={item.end}
                    variant="subtle"
                    // Six links, "My work" and the account's name in a row at 1200 px: tighter than a button's own padding.
                    px="xs"
                    className="nav-link"
                  >
                    {t(`nav.${item.label}`)}
                  </Button>
                ))}
              <MyWorkMenu items={items.filter((item) => item.own)} />
            </Group>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <HeaderSearch />
            <LanguageSwitcher me={me} />
            {me ? (
              <AccountMenu me={me} />
            ) : me === null && location.pathname !== '/sign-in' ? (
              <Button component={Link} to={signInPath(location)} variant="default" size="sm">
                {t('account.signIn')}
              </Button>
            ) : null}
          </Group>
        </Group>
      </AppShell.Header>

      {/* Closed, the menu is out of sight but still in the page: inert keeps Tab and screen readers out of it. */}
      <AppShell.Navbar
        p="md"
        id="site-navbar"
        className="site-navbar"
        inert={!opened}
        data-closed={!opened || undefined}
      >
        <Stack component="nav" aria-label={t('nav.mainMenu')} gap={4}>
          {items.map((item) => (
            <Button
              key={item.to}
              component={NavLink}
              to={item.to}
              end={item.end}
              variant="subtle"
              justify="flex-start"
              className="nav-link"
            >
              {t(`nav.${item.label}`)}
            </Button>
          ))}
        </Stack>
        {me ? (
          <Stack gap="xs" mt="xl">
            <Text size="sm">
              <Trans
                t={t}
                i18nKey="account.signedInAs"
                values={{ name: me.name }}
                components={{ strong: <strong /> }}
              />
            </Text>
            <Badge variant="light">{roleLabel(me)}</Badge>
            <Button variant="default" onClick={signOut}>
              {t('account.signOut')}
            </Button>
          </Stack>
        ) : null}
      </AppShell.Navbar>

      <AppShell.Main id="main" ref={mainRef} tabIndex={-1} className="main">
        <Container size="lg" px={0}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
      <ScrollRestoration />
    </AppShell>
  );
}
