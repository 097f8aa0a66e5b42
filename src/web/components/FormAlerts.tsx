import { Alert, Button, Group, List, Text } from '@mantine/core';
import { type ReactNode, type RefObject, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormRecord, ProblemText } from './form-problem.js';

/** Why a save was refused: the server's lines, or one sentence (such as a pointer to the fields marked below). */
export function ProblemAlert({ text, children }: { text: ProblemText; children?: ReactNode }) {
  return (
    <Alert color="red" title={text.title} role="alert">
      {typeof text.body === 'string' ? (
        text.body
      ) : (
        <List size="sm">
          {text.body.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
      {children}
    </Alert>
  );
}

/** A 409: someone else saved first. Nothing was saved; reloading shows theirs and drops ours. */
export function ConflictAlert({
  record,
  onReload,
  reloading,
}: {
  /** What was changed: each record has its own sentences. */
  record: FormRecord;
  onReload: () => void;
  reloading: boolean;
}) {
  const { t } = useTranslation('forms');
  return (
    <Alert color="orange" title={t(`conflict.${record}.title`)} role="alert">
      <Text size="sm">{t(`conflict.${record}.text`)}</Text>
      <Group mt="sm">
        <Button size="xs" color="orange" onClick={onReload} loading={reloading}>
          {t(`conflict.${record}.reload`)}
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

/** The place at the top of a form for a message about the whole form; the message takes the focus. */
export function FormBanner({ children }: { children: ReactNode }) {
  const ref = useBannerFocus(Boolean(children));
  return children ? (
    <div ref={ref} tabIndex={-1} className="form-banner">
      {children}
    </div>
  ) : null;
}

/** The foot of every form: Cancel, and the button that saves (busy while the save is under way). */
export function FormActions({
  submitLabel,
  submitting,
  onCancel,
}: {
  submitLabel: string;
  submitting: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation('forms');
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} disabled={submitting}>
        {t('cancel')}
      </Button>
      <Button type="submit" loading={submitting}>
        {submitLabel}
      </Button>
    </Group>
  );
}
