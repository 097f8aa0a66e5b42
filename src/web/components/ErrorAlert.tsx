import { Alert, Button, Group } from '@mantine/core';
import { isApiError } from '../app/api.js';

/** A failed load, said plainly with the server's own words, and a way to try again. */
export function ErrorAlert({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  const requestId = isApiError(error) ? error.problem?.requestId : undefined;
  return (
    <Alert color="red" title={title ?? 'This could not be loaded'} role="alert">
      {message}
      {requestId ? ` (request ${requestId})` : null}
      {onRetry ? (
        <Group mt="sm">
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        </Group>
      ) : null}
    </Alert>
  );
}
