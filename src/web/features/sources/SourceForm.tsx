import {
  MultiSelect,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SOURCE_KINDS, VISIBILITIES } from '../../../shared/enums.js';
import { FormActions, FormBanner } from '../../components/FormAlerts.js';
import { focusFirstError } from '../../components/form-focus.js';
import { useFormat } from '../../i18n/format.js';
import { useMeetingList } from '../meetings/meetings.api.js';
import { nameIn } from '../members/member-name.js';
import { useMembers } from '../members/members.api.js';
import { useIndicators } from '../reporting/reporting.api.js';
import { useStatements } from '../statements/statements.api.js';
import { emptySource, type SourceFormValues } from './source-form.js';

export function useSourceForm(initialValues: SourceFormValues = emptySource) {
  return useForm<SourceFormValues>({ mode: 'controlled', initialValues });
}

// @mantine/form's own type for this cannot be imported under NodeNext resolution; infer it.
export type SourceForm = ReturnType<typeof useSourceForm>;

/** The fields of an entry of the register, for adding one or changing one. */
export function SourceFields({
  form,
  submitting,
  submitLabel,
  banner,
  onSubmit,
  onCancel,
}: {
  form: SourceForm;
  submitting: boolean;
  submitLabel: string;
  banner?: ReactNode;
  onSubmit: (values: SourceFormValues) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('sources');
  const f = useFormat();
  const members = useMembers();
  const meetings = useMeetingList(null, {});
  const statements = useStatements({ status: null, kind: null });
  const indicators = useIndicators();
  const memberOptions = useMemo(
    () =>
      (members.data ?? [])
        .map((m) => ({ value: m.code, label: `${nameIn(m.names, m.name, f.language)} (${m.code})` }))
        .sort((a, b) => a.label.localeCompare(b.label, f.locale)),
    [members.data, f.language, f.locale],
  );
  const meetingOptions = useMemo(
    () => (meetings.data ?? []).map((m) => ({ value: m.id, label: `${f.date(m.startDate)} · ${m.title}` })),
    [meetings.data, f],
  );
  const statementOptions = useMemo(
    () => (statements.data ?? []).map((s) => ({ value: s.id, label: s.title })),
    [statements.data],
  );
  const indicatorOptions = useMemo(
    () => (indicators.data ?? []).map((i) => ({ value: i.key, label: i.names[f.language] ?? i.names.en })),
    [indicators.data, f.language],
  );

  return (
    <Paper withBorder p="lg" component="form" onSubmit={form.onSubmit(onSubmit, focusFirstError)} noValidate maw={860}>
      <Stack gap="md">
        <FormBanner>{banner}</FormBanner>
        <SegmentedControl
          w="fit-content"
          aria-label={t('form.kind')}
          data={SOURCE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          {...form.getInputProps('kind')}
        />
        <TextInput label={t('form.title')} required maxLength={500} {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('form.publisher')}
            description={t('form.publisherHint')}
            required
            maxLength={300}
            {...form.getInputProps('publisher')}
          />
          <TextInput type="date" label={t('form.date')} {...form.getInputProps('date')} />
          <TextInput type="url" label={t('form.url')} {...form.getInputProps('url')} />
          <TextInput
            label={t('form.language')}
            description={t('form.languageHint')}
            maxLength={35}
            {...form.getInputProps('language')}
          />
        </SimpleGrid>
        <Textarea
          label={t('form.excerpt')}
          description={t('form.excerptHint')}
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('excerpt')}
        />
        <Textarea label={t('form.note')} autosize minRows={1} maxLength={2000} {...form.getInputProps('note')} />
        <NativeSelect
          label={t('form.visibility')}
          data={VISIBILITIES.map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
          {...form.getInputProps('visibility')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('form.members')}
            data={memberOptions}
            searchable
            clearable
            {...form.getInputProps('members')}
          />
          <MultiSelect
            label={t('form.meetings')}
            data={meetingOptions}
            searchable
            clearable
            {...form.getInputProps('meetings')}
          />
          <MultiSelect
            label={t('form.statements')}
            data={statementOptions}
            searchable
            clearable
            {...form.getInputProps('statements')}
          />
          <MultiSelect
            label={t('form.indicators')}
            data={indicatorOptions}
            searchable
            clearable
            {...form.getInputProps('indicators')}
          />
        </SimpleGrid>
        <FormActions submitLabel={submitLabel} submitting={submitting} onCancel={onCancel} />
      </Stack>
    </Paper>
  );
}
