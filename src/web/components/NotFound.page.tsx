import { Anchor, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageTitle } from './PageTitle.js';

/** The page for an address that leads nowhere (and for a record that does not exist). */
export function NotFoundPage({ title = 'Page not found', children }: { title?: string; children?: ReactNode }) {
  return (
    <Stack gap="md" maw={640}>
      <PageTitle title={title} />
      <Title order={1}>{title}</Title>
      {children ?? <Text>There is nothing at this address. It may have moved, or the link may be mistyped.</Text>}
      <Text>
        <Anchor component={Link} to="/members">
          See every member
        </Anchor>{' '}
        or go back to the{' '}
        <Anchor component={Link} to="/">
          home page
        </Anchor>
        .
      </Text>
    </Stack>
  );
}
