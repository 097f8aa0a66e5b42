import { Alert, Button, Group, List, Text } from '@mantine/core';
import { type ReactNode, type RefObject, useEffect, useRef } from 'react';

/** Why a save was refused: the server's lines, or a pointer to the fields marked below. */
export function ProblemAlert({ title, lines, children }: { title: string; lines: string[]; children?: ReactNode }) {
  return (
    <Alert color="red" title={title} role="alert">
      {lines.length > 0 ? (
        <List size="sm">
          {lines.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      ) : (
        'The fields marked below say what is wrong.'
      )}
      {children}
    </Alert>
  );
}

/** A 409: someone else saved first. Nothing was saved; reloading shows theirs and drops ours. */
export function ConflictAlert({
  record,
  message,
  onReload,
  reloading,
}: {
  /** "member", "delegation": what was changed. */
  record: string;
  message: string;
  onReload: () => void;
  reloading: boolean;
}) {
  return (
    <Alert color="orange" title={`Someone else changed this ${record}`} role="alert">
      <Text size="sm">
        It was changed after you opened it, so your changes were not saved. Reload it to see the current {record}, then
        make your changes again. Reloading replaces what you entered.
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {message}
      </Text>
      <Group mt="sm">
        <Button size="xs" color="orange" onClick={onReload} loading={reloading}>
          Reload the {record}
        </Button>
      </Group>
    </Alert>
  );
}

/**
 * The Save button is at the bottom, the message at the top: when a message appears, bring it
 * into view and give it focus, so that keyboard and screen-reader users meet it too.
 */
export function useBannerFocus(shown: boolean): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!shown || !ref.current) return;
    ref.current.scrollIntoView({ block: 'center' });
    ref.current.focus({ preventScroll: true });
  }, [shown]);
  return ref;
}
