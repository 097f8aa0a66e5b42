import {
  Alert,
  Autocomplete,
  Checkbox,
  MultiSelect,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { PROCEDURE_KINDS } from '../../../shared/enums.js';
import type { ProcedureKind, Statement } from '../../../shared/statements.js';
import { FormActions, FormBanner } from '../../components/FormAlerts.js';
import { focusFirstError } from '../../components/form-focus.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { useEnumOptions } from '../../i18n/enums.js';
import { useFormat } from '../../i18n/format.js';
import { COMMON_ZONES } from '../meetings/time-zones.js';
import { useMemberOptions } from '../members/member-options.js';
import { useNow } from './Countdown.js';
import { dateTimeIn, isShortDeadline, readerZone, zonedToInstant } from './deadline.js';
import { type CirculateValues, toOpenBody } from './procedure-form.js';
import { useOpenProcedure } from './statements.api.js';

/**
 * The secretariat circulates a version not yet circulated: silence or endorsement, a deadline on
 * the wall clock of a chosen zone, to every current member or to those chosen. A deadline under a
 * day away is allowed, with a warning: members may not have the time to read it.
 */
export function CirculateForm({ statement, onDone }: { statement: Statement; onDone: () => void }) {
  const { t } = useTranslation('statements');
  const f = useFormat();
  const now = useNow(30_000);
  const open = useOpenProcedure(statement.id);
  const kinds = useEnumOptions('procedureKind', PROCEDURE_KINDS);
  const fresh = statement.versions.filter((v) => !v.circulated);
  const latest = fresh[fresh.length - 1];
  const form = useForm<CirculateValues>({
    mode: 'controlled',
    initialValues: {
      kind: 'silence',
      textVersion: latest ? String(latest.number) : '',
      deadline: '',
      timeZone: readerZone(),
      allMembers: true,
      members: [],
    },
  });
  const submission = useFormSubmission(form, {
    record: 'procedure',
    fieldOf: (p) => (p.startsWith('members.') ? 'members' : p),
  });
  const values = form.getValues();
  const instant = zonedToInstant(values.deadline, values.timeZone);
  const { options: memberOptions } = useMemberOptions({ activeOnly: true });

  const submit = (v: CirculateValues) => {
    submission.send(open, toOpenBody(v), () => {
      notifications.show({ color: 'green', message: t('circulate.done') });
      onDone();
    });
  };

  if (fresh.length === 0) {
    return <Alert color="blue">{t('circulate.needVersion')}</Alert>;
  }
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={form.onSubmit(submit, focusFirstError)}
      noValidate
      aria-labelledby="circulate-heading"
    >
      <Stack gap="sm">
        <Title order={3} size="h4" id="circulate-heading">
          {t('circulate.title')}
        </Title>
        <FormBanner>{submission.banner}</FormBanner>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="circulate-kind">
            {t('circulate.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="circulate-kind"
            data={kinds}
            value={values.kind}
            onChange={(kind) => form.setFieldValue('kind', kind as ProcedureKind)}
          />
        </Stack>
        <NativeSelect
          label={t('circulate.version')}
          data={fresh.map((v) => ({
            value: String(v.number),
            label: t('versions.number', { number: f.number(v.number) }),
          }))}
          {...form.getInputProps('textVersion')}
        />
        <TextInput type="datetime-local" label={t('circulate.deadline')} required {...form.getInputProps('deadline')} />
        <Autocomplete
          label={t('circulate.timeZone')}
          description={t('circulate.timeZoneHint')}
          data={[...COMMON_ZONES]}
          dir="ltr"
          {...form.getInputProps('timeZone')}
        />
        {instant ? (
          <Text size="sm" c="dimmed" data-deadline-preview>
            {t('circulate.preview', { at: dateTimeIn(instant, readerZone(), f.locale), zone: readerZone() })}
          </Text>
        ) : null}
        {instant && isShortDeadline(instant, now) ? (
          <Alert color="orange" variant="light" role="status" data-short-deadline>
            {t('circulate.shortDeadline')}
          </Alert>
        ) : null}
        <Checkbox label={t('circulate.allMembers')} {...form.getInputProps('allMembers', { type: 'checkbox' })} />
        {values.allMembers ? null : (
          <MultiSelect
            label={t('circulate.members')}
            data={memberOptions}
            searchable
            nothingFoundMessage={t('circulate.noMember')}
            {...form.getInputProps('members')}
          />
        )}
        <FormActions submitLabel={t('circulate.submit')} submitting={open.isPending} onCancel={onDone} />
      </Stack>
    </Paper>
  );
}
