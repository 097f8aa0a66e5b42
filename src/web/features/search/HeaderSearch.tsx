import { Button, Group, Popover, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useOpenAtOnce } from '../../components/StandIn.js';
import { SearchButton } from './SearchButton.js';
import { searchPath } from './search.api.js';

/**
 * The header's search: a button that opens the field (the header has no room for one in a row
 * at 1280 px in French, nor on a phone), a form that goes to the results page. A chunk of its own,
 * loaded when a reader reaches for the button (Layout's WithStandIn: Popover and floating-ui are
 * large). `openAtOnce`: the
 * reader tapped the button before this code had come; the field opens as it appears.
 */
export function HeaderSearch({ openAtOnce = false }: { openAtOnce?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useOpenAtOnce(openAtOnce);
  const [value, setValue] = useState('');
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} trapFocus shadow="md">
      <Popover.Target>
        <SearchButton aria-expanded={opened} onClick={() => setOpened((o) => !o)} />
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
