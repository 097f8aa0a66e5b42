import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** What is left when a page itself fails to render: a message and a way home (no app shell). */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <Container size="sm" py="xl">
      <title>{t('pageTitle', { title: t('routeError.title') })}</title>
      <Stack>
        <Title order={1}>{t('routeError.title')}</Title>
        <Text>{t('routeError.text', { message })}</Text>
        <Text>
          <Trans t={t} i18nKey="routeError.ways" components={{ home: <Anchor href="/" /> }} />
        </Text>
      </Stack>
    </Container>
  );
}
