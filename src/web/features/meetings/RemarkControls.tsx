import { Button, CloseButton, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting, Remark } from '../../../shared/meetings.js';
import { FormActions, FormBanner } from '../../components/FormAlerts.js';
import { focusFirstError } from '../../components/form-focus.js';
import { refill } from '../../components/form-values.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { problemMessage } from '../../i18n/problem.js';
import { freeText } from './free-text.js';
import { useDeleteRemark, useMeeting, useUpdateRemark } from './meetings.api.js';
import { fromRemark, type RemarkFormValues, toRemarkBody } from './remark-form.js';

interface RemarkControlsProps {
  meeting: Meeting;
  remark: Remark;
}

/** The remarks' context and quotes, changed from the version the page shows (If-Match). */
function RemarkEditor({ meeting, remark, onDone }: RemarkControlsProps & { onDone: () => void }) {
  const { t } = useTranslation('meetings');
  const [base, setBase] = useState(remark);
  const form = useForm<RemarkFormValues>({ mode: 'controlled', initialValues: fromRemark(remark) });
  const update = useUpdateRemark(meeting.id);
  const page = useMeeting(meeting.id);
  const submission = useFormSubmission(form, {
    record: 'remark',
    // The remarks as they are now are on the meeting's page, read again.
    reload: async () => {
      const fresh = (await page.refetch()).data?.remarks.find((r) => r.id === remark.id);
      if (!fresh) return false;
      setBase(fresh);
      refill(form, fromRemark(fresh));
      return true;
    },
  });
  const { quotes } = form.getValues();

  const submit = (values: RemarkFormValues) => {
    submission.send(update, { remarkId: remark.id, version: base.version, body: toRemarkBody(values) }, () => {
      notifications.show({ color: 'green', message: t('remarks.manage.saved', { name: remark.person.name }) });
      onDone();
    });
  };

  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={form.onSubmit(submit, focusFirstError)}
      noValidate
      aria-label={t('remarks.manage.editOf', { name: remark.person.name })}
    >
      <Stack gap="sm">
        <FormBanner>{submission.banner}</FormBanner>
        <TextInput
          label={t('remarks.manage.context')}
          maxLength={500}
          styles={freeText}
          {...form.getInputProps('context')}
        />
        {quotes.map((quote, index) => (
          <Group key={quote.key} align="flex-start" gap="xs" data-quote={index}>
            <Stack gap={4} style={{ flex: 1 }}>
              <Textarea
                label={t('remarks.manage.quote', { number: index + 1 })}
                autosize
                minRows={2}
                maxLength={5000}
                styles={freeText}
                {...form.getInputProps(`quotes.${index}.text`)}
              />
              <TextInput
                label={t('remarks.manage.quoteContext', { number: index + 1 })}
                maxLength={500}
                styles={freeText}
                {...form.getInputProps(`quotes.${index}.context`)}
              />
            </Stack>
            <CloseButton
              mt={28}
              size="lg"
              aria-label={t('remarks.manage.removeQuote', { number: index + 1 })}
              onClick={() => form.removeListItem('quotes', index)}
            />
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => form.insertListItem('quotes', { key: randomId(), text: '', context: '' })}
          >
            {t('remarks.manage.addQuote')}
          </Button>
        </Group>
        <FormActions submitLabel={t('remarks.manage.save')} submitting={update.isPending} onCancel={onDone} />
      </Stack>
    </Paper>
  );
}

/** The secretariat's controls on one speaker's remarks: change them, or delete them with their quotes. */
export function RemarkControls({ meeting, remark }: RemarkControlsProps) {
  const { t, i18n } = useTranslation('meetings');
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteRemark(meeting.id);
  const name = remark.person.name;

  if (editing) return <RemarkEditor meeting={meeting} remark={remark} onDone={() => setEditing(false)} />;

  const deleteRemark = () =>
    remove.mutate(remark.id, {
      onSuccess: () => notifications.show({ color: 'green', message: t('remarks.manage.deleted', { name }) }),
      onError: (error) => {
        setConfirming(false);
        notifications.show({
          color: 'red',
          title: t('remarks.manage.notDeleted', { name }),
          message: problemMessage(i18n.getFixedT(null, 'common'), error),
        });
      },
    });

  return (
    <Group gap="xs" className="no-print">
      {confirming ? (
        <>
          <Text size="sm" role="status">
            {t('remarks.manage.confirmDelete', { name })}
          </Text>
          <Button size="compact-sm" color="red" onClick={deleteRemark} loading={remove.isPending}>
            {t('remarks.manage.confirmYes')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setConfirming(false)} disabled={remove.isPending}>
            {t('remarks.manage.confirmNo')}
          </Button>
        </>
      ) : (
        <>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => setEditing(true)}
            aria-label={t('remarks.manage.editOf', { name })}
          >
            {t('remarks.manage.edit')}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            onClick={() => setConfirming(true)}
            aria-label={t('remarks.manage.deleteOf', { name })}
          >
            {t('remarks.manage.delete')}
          </Button>
        </>
      )}
    </Group>
  );
}
