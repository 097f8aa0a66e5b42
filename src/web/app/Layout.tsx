import { Anchor, Badge, Burger, Button, Container, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import type { Me } from '../../shared/auth.js';
import { Loading } from '../components/Loading.js';
import { WithStandIn } from '../components/StandIn.js';
import { canUseSecretariat, useMe, useRoleLabel } from '../features/auth/auth.api.js';
import { SearchButton } from '../features/search/SearchButton.js';
import { LanguageButton } from '../i18n/LanguageButton.js';
import { useAccountLanguage } from '../i18n/language.js';
import { RestStyles } from './RestStyles.js';
import { ScrollRestoration } from './ScrollRestoration.js';
import { signInPath } from './sign-in-path.js';
import { useSignOutAndLeave } from './sign-out.js';

// The menus (Mantine's Menu, Popover and floating-ui, about 35 KiB gzip) load in chunks of their own:
// the language menu and the search when a reader reaches for them (WithStandIn), the signed-in
// user's menus with the first render that has them.
const LanguageSwitcher = lazy(() =>
  import('../i18n/LanguageSwitcher.js').then((m) => ({ default: m.LanguageSwitcher })),
);
// The header's search field in a popover (Popover, floating-ui, TextInput): the same.
const HeaderSearch = lazy(() =>
  import('../features/search/HeaderSearch.js').then((m) => ({ default: m.HeaderSearch })),
);
const MyWorkMenu = lazy(() => import('./menus.js').then((m) => ({ default: m.MyWorkMenu })));
const AccountMenu = lazy(() => import('./menus.js').then((m) => ({ default: m.AccountMenu })));

export interface NavItem {
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

/** The frame of every page: header with the navigation, a burger menu below 1200 px, and the page. */
export function Layout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { data: me } = useMe();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const signOut = useSignOutAndLeave(false);
  const items = navItems(me);
  const ownItems = items.filter((item) => item.own);
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
    // The frame is the app's own (global.css): Mantine's AppShell brought 10 KiB gzip of script to
    // the first load (resizable sections, react-remove-scroll) for a fixed header and a slide-in menu.
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="site-header">
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
              {ownItems.length > 0 ? (
                <Suspense fallback={null}>
                  <MyWorkMenu items={ownItems} />
                </Suspense>
              ) : null}
            </Group>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {/* Until a reader reaches for a control, the same button without its code: nothing moves,
                and a tap on it meanwhile opens the control when it comes. */}
            <WithStandIn standIn={(handlers) => <SearchButton {...handlers} />}>
              {(asked) => <HeaderSearch openAtOnce={asked} />}
            </WithStandIn>
            <WithStandIn standIn={(handlers) => <LanguageButton {...handlers} />}>
              {(asked) => <LanguageSwitcher me={me} openAtOnce={asked} />}
            </WithStandIn>
            {me ? (
              <Suspense fallback={null}>
                <AccountMenu me={me} />
              </Suspense>
            ) : me === null && location.pathname !== '/sign-in' ? (
              <Button component={Link} to={signInPath(location)} variant="default" size="sm">
                {t('account.signIn')}
              </Button>
            ) : null}
          </Group>
        </Group>
      </header>

      {/* Closed, the menu is out of sight but still in the page: inert keeps Tab and screen readers out of it. */}
      <div id="site-navbar" className="site-navbar" inert={!opened} data-closed={!opened || undefined}>
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
      </div>

      <main id="main" ref={mainRef} tabIndex={-1} className="main">
        <Container size="lg" px={0}>
          <Suspense fallback={<Loading />}>
            {/* Every page but the home waits for the rest of Mantine's styles (RestStyles.tsx). */}
            {location.pathname === '/' ? (
              <Outlet />
            ) : (
              <RestStyles>
                <Outlet />
              </RestStyles>
            )}
          </Suspense>
        </Container>
        <Container size="lg" px={0} mt="xl" pt="md" component="footer" className="site-footer">
          <Group component="nav" aria-label={t('footer.label')} gap="lg">
            <Anchor component={Link} to="/open-data" size="sm">
              {t('footer.openData')}
            </Anchor>
            {/* The API's reference, made from its OpenAPI document: a page of the server, not of the app. */}
            <Anchor href="/api/docs" size="sm">
              {t('footer.openApi')}
            </Anchor>
          </Group>
        </Container>
      </main>
      <ScrollRestoration />
    </>
  );
}
