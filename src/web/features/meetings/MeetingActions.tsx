import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Meeting } from '../../../shared/meetings.js';
import { isApiError } from '../../app/api.js';
import { Dialog } from '../../components/Dialog.js';
import { FormBanner } from '../../components/FormAlerts.js';
import { focusFirstError } from '../../components/form-focus.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { problemMessage } from '../../i18n/problem.js';
import { freeText } from './free-text.js';
import { useUpdateMeeting } from './meetings.api.js';

interface MeetingActionsProps {
  meeting: Meeting;
  /** Reads the meeting again; resolves with it. */
  onReload: () => Promise<{ data?: Meeting }>;
}

/** The dialog that cancels the meeting: the reason is required, and is told to whoever reads the page. */
function CancelDialog({ meeting, onReload, onClose }: MeetingActionsProps & { onClose: () => void }) {
  const { t } = useTranslation('meetings');
  const update = useUpdateMeeting(meeting.id);
  const form = useForm({
    mode: 'controlled',
    initialValues: { statusReason: '' },
    validate: { statusReason: (v) => (v.trim() === '' ? t('manage.cancel.reasonRequired') : null) },
  });
  const submission = useFormSubmission(form, {
    record: 'meeting',
    reload: async () => Boolean((await onReload()).data),
  });
  const submit = ({ statusReason }: { statusReason: string }) => {
    submission.send(
      update, // The version the page shows: a change made since then is not overwritten unseen.
      { version: meeting.version, body: { status: 'cancelled', statusReason: statusReason.trim() } },
      () => {
        notifications.show({ color: 'green', message: t('manage.cancel.done') });
        onClose();
      },
    );
  };
  return (
    <form onSubmit={form.onSubmit(submit, focusFirstError)} noValidate aria-label={t('manage.cancel.title')}>
      <Stack gap="md">
        <FormBanner>{submission.banner}</FormBanner>
        <Text size="sm">{t('manage.cancel.text')}</Text>
        <Textarea
          label={t('manage.cancel.reason')}
          description={t('manage.cancel.reasonDescription')}
          required
          autosize
          minRows={3}
          maxLength={500}
          data-autofocus
          styles={freeText}
          {...form.getInputProps('statusReason')}
        />
        {/* Not the forms' "Cancel": beside "Cancel the meeting" it would say the opposite of what it does. */}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={update.isPending}>
            {t('manage.cancel.keep')}
          </Button>
          <Button type="submit" color="red" loading={update.isPending}>
            {t('manage.cancel.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The secretariat's actions on a meeting: edit it, start the next one from it, mark it held, cancel it. */
export function MeetingActions({ meeting, onReload }: MeetingActionsProps) {
  const { t, i18n } = useTranslation('meetings');
  const update = useUpdateMeeting(meeting.id);
  const [cancelling, setCancelling] = useState(false);

  // Held or planned again (a cancellation undone): a status without a reason, which the server clears.
  const setStatus = (status: 'held' | 'planned') => {
    const words = status === 'held' ? 'held' : 'replan';
    update.mutate(
      { version: meeting.version, body: { status } },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t(`manage.${words}.done`) }),
        onError: (error) => {
          // Changed meanwhile: show the meeting as it is now, and say so.
          if (isApiError(error, 409)) void onReload();
          notifications.show({
            color: 'red',
            title: t(`manage.${words}.failed`),
            message: problemMessage(i18n.getFixedT(null, 'common'), error),
          });
        },
      },
    );
  };

  return (
    <>
      <Group gap="sm" className="no-print" role="group" aria-label={t('manage.label')}>
        <Button component={Link} to={`/secretariat/meetings/${meeting.id}/edit`} size="sm">
          {t('manage.edit')}
        </Button>
        <Button component={Link} to={`/secretariat/meetings/new?from=${meeting.id}`} variant="default" size="sm">
          {t('manage.duplicate')}
        </Button>
        {/* A planned meeting is held or cancelled; a cancellation can be undone; a held meeting stays held. */}
        {meeting.status === 'planned' ? (
          <>
            <Button
              variant="light"
              color="green"
              size="sm"
              onClick={() => setStatus('held')}
              loading={update.isPending}
            >
              {t('manage.held.action')}
            </Button>
            <Button variant="light" color="red" size="sm" onClick={() => setCancelling(true)}>
              {t('manage.cancel.action')}
            </Button>
          </>
        ) : null}
        {meeting.status === 'cancelled' ? (
          <Button variant="light" size="sm" onClick={() => setStatus('planned')} loading={update.isPending}>
            {t('manage.replan.action')}
          </Button>
        ) : null}
      </Group>
      <Dialog opened={cancelling} onClose={() => setCancelling(false)} title={t('manage.cancel.title')} size="lg">
        {cancelling ? (
          <CancelDialog meeting={meeting} onReload={onReload} onClose={() => setCancelling(false)} />
        ) : null}
      </Dialog>
    </>
  );
}
