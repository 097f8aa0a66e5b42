import { Avatar, Badge, Button, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Me } from '../../shared/auth.js';
import { useRoleLabel } from '../features/auth/auth.api.js';
import type { NavItem } from './Layout.js';
import { useSignOutAndLeave } from './sign-out.js';

// The header's menus, for a signed-in user: a chunk of their own (Layout loads them lazily), so that
// a visitor of the public home does not download Mantine's Menu, Popover and floating-ui.

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join('');

/** The signed-in user's own places (desk, reports, imports, secretariat) in one menu of links. */
export function MyWorkMenu({ items }: { items: NavItem[] }) {
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

export function AccountMenu({ me }: { me: Me }) {
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
