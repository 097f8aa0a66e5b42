import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** What is left when a page itself fails to render: a message and a way home (no app shell). */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <Container size="sm" py="xl">
      <title>Something went wrong · Entente</title>
      <Stack>
        <Title order={1}>Something went wrong</Title>
        <Text>This page failed to show: {message}</Text>
        <Text>
          <Anchor href="/">Go back to the home page</Anchor> and try again. If it happens again, tell the secretariat
          what you were doing.
        </Text>
      </Stack>
    </Container>
  );
}
