import { Anchor, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from './PageTitle.js';

/** The page for an address that leads nowhere (and for a record that does not exist). */
export function NotFoundPage({ title, children }: { title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const heading = title ?? t('notFound.title');
  return (
    <Stack gap="md" maw={640}>
      <PageTitle title={heading} />
      <Title order={1}>{heading}</Title>
      {children ?? <Text>{t('notFound.text')}</Text>}
      <Text>
        <Trans
          t={t}
          i18nKey="notFound.ways"
          components={{ members: <Anchor component={Link} to="/members" />, home: <Anchor component={Link} to="/" /> }}
        />
      </Text>
    </Stack>
  );
}
