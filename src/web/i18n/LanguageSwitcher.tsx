import { Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../shared/auth.js';
import { directionOf, LANGUAGES, type Language } from '../../shared/i18n.js';
import { useOpenAtOnce } from '../components/StandIn.js';
import { useLanguage } from './format.js';
import { LanguageButton } from './LanguageButton.js';
import { useChangeLanguage, useSaveLanguage } from './language.js';

/**
 * The header's language menu: each language named in itself, marked with its own `lang`. A chunk
 * of its own, loaded when a reader reaches for the button (Layout's WithStandIn: Mantine's Menu is
 * large). `openAtOnce`: the reader pressed the button before this code had come; the menu opens as
 * it appears.
 */
export function LanguageSwitcher({ me, openAtOnce = false }: { me: Me | null | undefined; openAtOnce?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const change = useChangeLanguage();
  const save = useSaveLanguage();
  const [opened, setOpened] = useOpenAtOnce(openAtOnce);
  const choose = (next: Language) => {
    if (next === language) return;
    void change(next);
    if (me) save.mutate(next);
  };
  return (
    <Menu position="bottom-end" width={180} opened={opened} onChange={setOpened}>
      <Menu.Target>
        <LanguageButton />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        {LANGUAGES.map((l) => (
          <Menu.Item
            key={l}
            lang={l}
            dir={directionOf(l)}
            onClick={() => choose(l)}
            aria-current={l === language ? 'true' : undefined}
            fw={l === language ? 700 : undefined}
          >
            {t(`language.${l}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
