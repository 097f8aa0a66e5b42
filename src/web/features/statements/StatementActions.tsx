import { Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Statement } from '../../../shared/statements.js';
import { Dialog } from '../../components/Dialog.js';
import { FormBanner } from '../../components/FormAlerts.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { editableFields } from './statement-form.js';
import { useUpdateStatement } from './statements.api.js';

interface StatementActionsProps {
  statement: Statement;
  /** Reads the statement again; resolves with it. */
  onReload: () => Promise<{ data?: Statement }>;
}

/** The dialog that withdraws a draft, on the statement as the page shows it (If-Match). */
function WithdrawDraftDialog({ statement, onReload, onClose }: StatementActionsProps & { onClose: () => void }) {
  const { t } = useTranslation('statements');
  const update = useUpdateStatement(statement.id);
  // No field to fill: the form is there for the shared answer to a refusal (a 409 offers to reload).
  const form = useForm({ initialValues: {} });
  const submission = useFormSubmission(form, {
    record: 'statement',
    reload: async () => Boolean((await onReload()).data),
  });
  const withdraw = () => {
    submission.send(update, { version: statement.version, body: { status: 'withdrawn' } }, () => {
      notifications.show({ color: 'green', message: t('withdrawDraft.done') });
      onClose();
    });
  };
  return (
    <Stack gap="md">
      <FormBanner>{submission.banner}</FormBanner>
      <Text size="sm">{t('withdrawDraft.text')}</Text>
      {/* Not the forms' "Cancel": beside "Withdraw the draft" it would say the opposite of what it does. */}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={update.isPending} data-autofocus>
          {t('withdrawDraft.keep')}
        </Button>
        <Button color="red" onClick={withdraw} loading={update.isPending}>
          {t('withdrawDraft.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The secretariat's actions on a statement: edit what its status lets change, withdraw a draft. */
export function StatementActions({ statement, onReload }: StatementActionsProps) {
  const { t } = useTranslation('statements');
  const [withdrawing, setWithdrawing] = useState(false);
  const editable = editableFields(statement.status).size > 0;
  const draft = statement.status === 'draft';
  if (!editable && !draft) return null;
  return (
    <>
      <Group gap="sm" role="group" aria-label={t('actions.label')}>
        {editable ? (
          <Button component={Link} to={`/secretariat/statements/${statement.id}/edit`} size="sm" variant="light">
            {t('actions.edit')}
          </Button>
        ) : null}
        {draft ? (
          <Button variant="light" color="red" size="sm" onClick={() => setWithdrawing(true)}>
            {t('withdrawDraft.open')}
          </Button>
        ) : null}
      </Group>
      <Dialog opened={withdrawing && draft} onClose={() => setWithdrawing(false)} title={t('withdrawDraft.title')}>
        {withdrawing && draft ? (
          <WithdrawDraftDialog statement={statement} onReload={onReload} onClose={() => setWithdrawing(false)} />
        ) : null}
      </Dialog>
    </>
  );
}
