import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';

/** What is left when a page itself fails to render: a message and a way home (no app shell). */
export function RouteError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message = error instanceof Error ? error.message : String(error);
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

/**
 * Shows RouteError in place of the whole app when rendering fails (a page's chunk that cannot
 * load after a new release, a fault in a page), until the reader goes to another page.
 */
export class RouteErrorBoundary extends Component<
  { pathname: string; children: ReactNode },
  { error: unknown; pathname: string | null }
> {
  override state = { error: undefined as unknown, pathname: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('unknown error') };
  }

  static getDerivedStateFromProps(
    props: { pathname: string },
    state: { error: unknown; pathname: string | null },
  ): { error?: unknown; pathname: string } {
    // The failure was noted on one page: another page starts afresh.
    if (state.pathname !== null && state.pathname !== props.pathname)
      return { error: undefined, pathname: props.pathname };
    return { pathname: props.pathname };
  }

  override render() {
    return this.state.error === undefined ? this.props.children : <RouteError error={this.state.error} />;
  }
}
