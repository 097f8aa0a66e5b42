import { ActionIcon, Button, Group, Popover, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { searchPath } from './search.api.js';

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
 * The header's search: a button that opens the field (the header has no room for one in a row
 * at 1280 px in French, nor on a phone), a form that goes to the results page.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [value, setValue] = useState('');
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} trapFocus shadow="md">
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          size="lg"
          aria-label={t('search.open')}
          aria-expanded={opened}
          onClick={() => setOpened((o) => !o)}
        >
          <SearchIcon />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <search>
          <form
            action="/search"
            onSubmit={(event) => {
              event.preventDefault();
              if (value.trim() === '') return;
              setOpened(false);
              navigate(searchPath(value));
            }}
          >
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <TextInput
                name="q"
                type="search"
                label={t('search.label')}
                value={value}
                onChange={(event) => setValue(event.currentTarget.value)}
                maxLength={200}
                data-autofocus
                style={{ flex: 1 }}
              />
              <Button type="submit">{t('search.submit')}</Button>
            </Group>
          </form>
        </search>
      </Popover.Dropdown>
    </Popover>
  );
}
