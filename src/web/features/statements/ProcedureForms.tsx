import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { CirculatedMember, Procedure, ProcedureSummary } from '../../../shared/statements.js';
import { FormActions, FormBanner } from '../../components/FormAlerts.js';
import { focusFirstError } from '../../components/form-focus.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { useFormat } from '../../i18n/format.js';
import { freeText } from '../meetings/free-text.js';
import { useMemberName } from '../members/member-name.js';
import { instantToZoned } from './deadline.js';
import { type ExtendValues, emptyResponse, type RespondValues, toExtendBody, toRespondBody } from './procedure-form.js';
import { useExtend, useRespond, useTextVersion, useWithdraw } from './statements.api.js';

/**
 * A focal point's answer for their member. In a silence procedure: break silence, with a reason,
 * and perhaps a paragraph and the wording proposed for it (saying nothing keeps silence). In an
 * endorsement: sign on. Until the deadline an answer can be given again; the latest counts.
 */
export function RespondForm({
  procedure,
  entry,
  statementId,
}: {
  procedure: Procedure;
  entry: CirculatedMember;
  statementId: string;
}) {
  const { t } = useTranslation('statements');
  const f = useFormat();
  const memberName = useMemberName();
  const respond = useRespond(procedure.id);
  const version = useTextVersion(statementId, procedure.kind === 'silence' ? procedure.textVersion : null);
  const form = useForm<RespondValues>({ mode: 'controlled', initialValues: emptyResponse });
  const submission = useFormSubmission(form, { record: 'response' });
  const member = memberName(entry.member);
  const paragraph = form.getValues().paragraph;

  const submit = (values: RespondValues) => {
    submission.send(respond, toRespondBody(entry.member.code, procedure.kind, values), () => {
      notifications.show({
        color: 'green',
        message: procedure.kind === 'silence' ? t('respond.broken', { member }) : t('respond.endorsed', { member }),
      });
      form.reset();
    });
  };

  if (procedure.kind === 'endorsement') {
    return (
      <Paper withBorder p="md" bg="var(--mantine-color-blue-light)">
        <Stack gap="xs">
          <FormBanner>{submission.banner}</FormBanner>
          <Text>
            {entry.response ? t('respond.endorsedAlready', { member }) : t('respond.endorseText', { member })}
          </Text>
          {entry.response ? null : (
            <Group>
              <Button onClick={() => submit(emptyResponse)} loading={respond.isPending}>
                {t('respond.endorse', { member })}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
    );
  }

  const paragraphs = version.data?.paragraphs ?? [];
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={form.onSubmit(submit, focusFirstError)}
      noValidate
      aria-labelledby="respond-heading"
    >
      <Stack gap="sm">
        <Title order={4} id="respond-heading">
          {t('respond.title', { member })}
        </Title>
        <Text size="sm">{t('respond.text')}</Text>
        <FormBanner>{submission.banner}</FormBanner>
        <Textarea
          label={t('respond.reason')}
          required
          autosize
          minRows={2}
          maxLength={4000}
          styles={freeText}
          {...form.getInputProps('reason')}
        />
        <NativeSelect
          label={t('respond.paragraph')}
          data={[
            { value: '', label: t('respond.wholeText') },
            ...paragraphs.map((p) => ({
              value: String(p.number),
              label: t('text.paragraph', { number: f.number(p.number) }),
            })),
          ]}
          {...form.getInputProps('paragraph')}
        />
        {paragraph !== '' ? (
          <Textarea
            label={t('respond.proposedText', { number: f.number(Number(paragraph)) })}
            description={t('respond.proposedHint', { member })}
            autosize
            minRows={3}
            maxLength={10_000}
            styles={freeText}
            {...form.getInputProps('proposedText')}
          />
        ) : null}
        <Group>
          <Button type="submit" color="red" loading={respond.isPending}>
            {t('respond.break', { member })}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The secretariat moves the deadline later, with a reason; on the procedure as the page read it (If-Match). */
export function ExtendForm({ procedure, onDone }: { procedure: ProcedureSummary; onDone: () => void }) {
  const { t } = useTranslation('statements');
  const extend = useExtend(procedure.id);
  const form = useForm<ExtendValues>({
    mode: 'controlled',
    initialValues: { deadline: instantToZoned(procedure.deadline, procedure.timeZone), reason: '' },
  });
  const submission = useFormSubmission(form, { record: 'procedure' });
  const submit = (values: ExtendValues) => {
    submission.send(extend, { ...toExtendBody(values, procedure.timeZone), version: procedure.version }, () => {
      notifications.show({ color: 'green', message: t('procedure.extend.done') });
      onDone();
    });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
      <Stack gap="sm">
        <FormBanner>{submission.banner}</FormBanner>
        <TextInput
          type="datetime-local"
          label={t('procedure.extend.deadline', { zone: procedure.timeZone })}
          required
          {...form.getInputProps('deadline')}
        />
        <Textarea
          label={t('procedure.extend.reason')}
          required
          autosize
          minRows={2}
          maxLength={2000}
          styles={freeText}
          {...form.getInputProps('reason')}
        />
        <FormActions submitLabel={t('procedure.extend.submit')} submitting={extend.isPending} onCancel={onDone} />
      </Stack>
    </Paper>
  );
}

/** The secretariat withdraws the procedure, with a reason; the statement goes back to draft. */
export function WithdrawForm({ procedure, onDone }: { procedure: ProcedureSummary; onDone: () => void }) {
  const { t } = useTranslation('statements');
  const withdraw = useWithdraw(procedure.id);
  const form = useForm<{ reason: string }>({ mode: 'controlled', initialValues: { reason: '' } });
  const submission = useFormSubmission(form, { record: 'procedure' });
  const submit = (values: { reason: string }) => {
    submission.send(withdraw, { reason: values.reason.trim(), version: procedure.version }, () => {
      notifications.show({ color: 'green', message: t('procedure.withdraw.done') });
      onDone();
    });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
      <Stack gap="sm">
        <FormBanner>{submission.banner}</FormBanner>
        <Alert color="orange" variant="light">
          {t('procedure.withdraw.text')}
        </Alert>
        <Textarea
          label={t('procedure.withdraw.reason')}
          required
          autosize
          minRows={2}
          maxLength={2000}
          styles={freeText}
          {...form.getInputProps('reason')}
        />
        <FormActions submitLabel={t('procedure.withdraw.submit')} submitting={withdraw.isPending} onCancel={onDone} />
      </Stack>
    </Paper>
  );
}
