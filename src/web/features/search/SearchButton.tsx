import { ActionIcon, type ActionIconProps } from '@mantine/core';
import type { ComponentPropsWithoutRef } from 'react';
import { useTranslation } from 'react-i18next';

/** A magnifying glass. */
export function SearchIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-4-4" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The header's search button: the popover's target (HeaderSearch.tsx), and alone, the same button
 * in its place while the popover's code loads (Layout), so that the header does not move.
 */
export function SearchButton(props: ActionIconProps & ComponentPropsWithoutRef<'button'>) {
  const { t } = useTranslation();
  return (
    <ActionIcon variant="subtle" size="lg" aria-label={t('search.open')} aria-expanded={false} {...props}>
      <SearchIcon />
    </ActionIcon>
  );
}
