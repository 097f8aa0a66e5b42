import { useDirection } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../shared/auth.js';
import { directionOf, type Language } from '../../shared/i18n.js';
import { api } from '../app/api.js';
import { meKey } from '../features/auth/auth.api.js';
import { useLanguage } from './format.js';
import { chosenThisVisit, rememberLanguage } from './i18n.js';

/** Saves a signed-in user's language on their account, so that it follows them to another device. */
export function useSaveLanguage() {
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
