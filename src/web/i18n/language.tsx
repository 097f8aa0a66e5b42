import { Box, Button, Menu, useDirection } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../shared/auth.js';
import { directionOf, LANGUAGES, type Language } from '../../shared/i18n.js';
import { api } from '../app/api.js';
import { meKey } from '../features/auth/auth.api.js';
import { useLanguage } from './format.js';
import { chosenThisVisit, rememberLanguage } from './i18n.js';

/** Saves a signed-in user's language on their account, so that it follows them to another device. */
function useSaveLanguage() {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: (language: Language) => api<void>('/auth/me/language', { method: 'PUT', body: { language } }),
    onSuccess: (_, language) => queryClient.setQueryData<Me | null>(meKey, (me) => (me ? { ...me, language } : me)),
    onError: () => notifications.show({ color: 'orange', message: t('account.languageNotSaved') }),
  });
}

/** Switches the interface to a language: the catalogs, `<html lang dir>`, Mantine's direction, the cookie. */
export function useChangeLanguage() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  return async (language: Language) => {
    rememberLanguage(language);
    await i18n.changeLanguage(language);
    setDirection(directionOf(language));
  };
}

/**
 * Keeps the account and the interface in step: a signed-in user's saved language wins over this
 * browser's, unless they chose one on this visit (with `?lang=`), which is then saved to the account.
 */
export function useAccountLanguage(me: Me | null | undefined) {
  const language = useLanguage();
  const change = useChangeLanguage();
  const save = useSaveLanguage();
  const synced = useRef<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per signed-in user
  useEffect(() => {
    if (!me || synced.current === me.id) return;
    synced.current = me.id;
    if (chosenThisVisit() || !me.language) {
      if (me.language !== language) save.mutate(language);
    } else if (me.language !== language) {
      void change(me.language);
    }
  }, [me?.id]);
}

/** The header's language menu: each language named in itself, marked with its own `lang`. */
export function LanguageSwitcher({ me }: { me: Me | null | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const change = useChangeLanguage();
  const save = useSaveLanguage();
  const choose = (next: Language) => {
    if (next === language) return;
    void change(next);
    if (me) save.mutate(next);
  };
  return (
    <Menu position="bottom-end" width={180}>
      <Menu.Target>
        <Button
          variant="subtle"
          size="sm"
          px="xs"
          aria-label={t('language.choose', { current: t(`language.${language}`) })}
          className="language-button"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" width={18} height={18} className="language-globe">
            <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.6" />
            <path
              d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
            />
          </svg>
          {/* A phone's header has room for the language's short name only. */}
          <Box component="span" lang={language} className="language-name" visibleFrom="sm">
            {t(`language.${language}`)}
          </Box>
          <Box component="span" lang={language} className="language-name" hiddenFrom="sm">
            {t(`language.short.${language}`)}
          </Box>
        </Button>
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
