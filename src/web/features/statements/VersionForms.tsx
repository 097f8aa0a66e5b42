import { NativeSelect, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Statement } from '../../../shared/statements.js';
import { FormActions, FormBanner } from '../../components/FormAlerts.js';
import { focusFirstError } from '../../components/form-focus.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { useFormat } from '../../i18n/format.js';
import { freeText } from '../meetings/free-text.js';
import { useMeetingList } from '../meetings/meetings.api.js';
import { toVersionBody } from './statement-form.js';
import { meetingOption } from './statement-title.js';
import { useAddVersion, useAdoptAtMeeting } from './statements.api.js';

/** The secretariat adds a text version, in Markdown, with a note (what changed, and why). */
export function AddVersionForm({
  statement,
  initialText,
  onDone,
}: {
  statement: Statement;
  initialText: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('statements');
  const add = useAddVersion();
  const form = useForm({ mode: 'controlled', initialValues: { text: initialText, note: '' } });
  const submission = useFormSubmission(form, { record: 'version' });
  const submit = (values: { text: string; note: string }) => {
    submission.send(add, { ...toVersionBody(values), statementId: statement.id }, (version) => {
      notifications.show({ color: 'green', message: t('versions.added', { number: version.number }) });
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
      aria-labelledby="add-version-heading"
    >
      <Stack gap="sm">
        <Title order={3} size="h4" id="add-version-heading">
          {t('versions.add')}
        </Title>
        <FormBanner>{submission.banner}</FormBanner>
        <Textarea
          label={t('versions.text')}
          description={t('versions.textHint')}
          required
          autosize
          minRows={8}
          maxRows={30}
          lang={statement.language}
          styles={freeText}
          {...form.getInputProps('text')}
        />
        <TextInput label={t('versions.note')} maxLength={1000} styles={freeText} {...form.getInputProps('note')} />
        <FormActions submitLabel={t('versions.submit')} submitting={add.isPending} onCancel={onDone} />
      </Stack>
    </Paper>
  );
}

interface AdoptValues {
  textVersion: string;
  meetingId: string;
  adoptedOn: string;
}

/** The secretariat records that a meeting adopted a version by consensus (If-Match: the statement as read). */
export function AdoptAtMeetingForm({ statement, onDone }: { statement: Statement; onDone: () => void }) {
  const { t } = useTranslation('statements');
  const f = useFormat();
  const adopt = useAdoptAtMeeting(statement.id);
  const meetings = useMeetingList('past');
  const last = statement.versions[statement.versions.length - 1];
  const form = useForm<AdoptValues>({
    mode: 'controlled',
    initialValues: {
      textVersion: last ? String(last.number) : '',
      meetingId: statement.meetingId ?? '',
      adoptedOn: '',
    },
  });
  const submission = useFormSubmission(form, { record: 'statement' });
  const submit = (v: AdoptValues) => {
    submission.send(
      adopt,
      {
        textVersion: Number(v.textVersion),
        ...(v.meetingId ? { meetingId: v.meetingId } : {}),
        ...(v.adoptedOn ? { adoptedOn: v.adoptedOn } : {}),
        version: statement.version,
      },
      () => {
        notifications.show({ color: 'green', message: t('adopt.done') });
        onDone();
      },
    );
  };
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={form.onSubmit(submit, focusFirstError)}
      noValidate
      aria-labelledby="adopt-heading"
    >
      <Stack gap="sm">
        <Title order={3} size="h4" id="adopt-heading">
          {t('adopt.title')}
        </Title>
        <FormBanner>{submission.banner}</FormBanner>
        <NativeSelect
          label={t('adopt.version')}
          data={statement.versions.map((v) => ({
            value: String(v.number),
            label: t('versions.number', { number: f.number(v.number) }),
          }))}
          {...form.getInputProps('textVersion')}
        />
        <NativeSelect
          label={t('adopt.meeting')}
          data={[
            { value: '', label: t('adopt.statementMeeting') },
            ...(meetings.data ?? []).map((m) => meetingOption(m, f.language, f.date)),
          ]}
          {...form.getInputProps('meetingId')}
        />
        <TextInput
          type="date"
          label={t('adopt.adoptedOn')}
          description={t('adopt.adoptedOnHint')}
          {...form.getInputProps('adoptedOn')}
        />
        <FormActions submitLabel={t('adopt.submit')} submitting={adopt.isPending} onCancel={onDone} />
      </Stack>
    </Paper>
  );
}
