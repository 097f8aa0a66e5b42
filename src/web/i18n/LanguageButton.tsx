import { Box, Button, type ButtonProps, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ComponentPropsWithoutRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from './format.js';

/**
 * The header's language button: the menu's target (LanguageSwitcher.tsx), and alone, the same
 * button in its place while the menu's code loads (Layout), so that the header does not move.
 */
export function LanguageButton({ className, ...props }: ButtonProps & ComponentPropsWithoutRef<'button'>) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Its name holds the name it shows (WCAG 2.5.3, label in name): on a phone, the short one.
  const wide = useMediaQuery(`(min-width: ${useMantineTheme().breakpoints.sm})`, true, {
    getInitialValueInEffect: false,
  });
  const shown = t(wide ? `language.${language}` : `language.short.${language}`);
  return (
    <Button
      variant="subtle"
      size="sm"
      px="xs"
      aria-label={t('language.choose', { current: shown })}
      {...props}
      // The menu's target passes a class of its own: kept beside ours, which spaces the globe and the name.
      className={className ? `language-button ${className}` : 'language-button'}
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
  );
}
