import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api.js';
import { problemMessage } from '../i18n/problem.js';

/** A failed load, said plainly in the reader's language, and a way to try again. */
export function ErrorAlert({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  const requestId = isApiError(error) ? error.problem?.requestId : undefined;
  return (
    <Alert color="red" title={title ?? t('couldNotLoad')} role="alert">
      {problemMessage(t, error)}
      {requestId ? ` ${t('requestId', { id: requestId })}` : null}
      {onRetry ? (
        <Group mt="sm">
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('tryAgain')}
          </Button>
        </Group>
      ) : null}
    </Alert>
  );
}
