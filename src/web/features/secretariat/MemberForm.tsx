import {
  Alert,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_KINDS, MEMBER_STATUSES } from '../../../shared/enums.js';
import { FormActions, FormBanner } from '../../components/FormAlerts.js';
import { useFormT } from '../../components/form-errors.js';
import { focusFirstError } from '../../components/form-focus.js';
import { useEnumOptions } from '../../i18n/enums.js';
import { emptyMember, type MemberFormMode, type MemberFormValues, memberValidation } from './member-form.js';

export function useMemberForm(mode: MemberFormMode, initialValues: MemberFormValues = emptyMember) {
  const formT = useFormT();
  return useForm<MemberFormValues>({
    mode: 'controlled',
    initialValues,
    validate: memberValidation(mode, formT),
    transformValues: (values) => ({ ...values, code: values.code.trim().toUpperCase() }),
  });
}

// @mantine/form's own type for this cannot be imported under NodeNext resolution; infer it.
export type MemberForm = ReturnType<typeof useMemberForm>;

export interface MemberFieldsProps {
  form: MemberForm;
  mode: MemberFormMode;
  submitting: boolean;
  submitLabel: string;
  /** A message about the whole form (not one field), shown above it. */
  banner?: ReactNode;
  onSubmit: (values: MemberFormValues) => void;
  onCancel: () => void;
}

/** The fields of a member, for adding one or changing one. */
export function MemberFields({ form, mode, submitting, submitLabel, banner, onSubmit, onCancel }: MemberFieldsProps) {
  const { t } = useTranslation(['secretariat', 'enums']);
  const kinds = useEnumOptions('memberKind', MEMBER_KINDS);
  const statuses = useEnumOptions('memberStatus', MEMBER_STATUSES);
  const { kind } = form.getValues();
  const isState = kind === 'state';
  const namesOptional = mode === 'create' && isState;

  return (
    <Paper withBorder p="lg" component="form" onSubmit={form.onSubmit(onSubmit, focusFirstError)} noValidate maw={760}>
      <Stack gap="lg">
        <FormBanner>{banner}</FormBanner>
        <Fieldset legend={t('memberForm.identity')} variant="unstyled" m={0} classNames={{ legend: 'form-legend' }}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {/* A code is Latin letters and digits: written left to right in every language. */}
            <TextInput
              label={t('memberForm.code')}
              required={mode === 'create'}
              readOnly={mode === 'edit'}
              variant={mode === 'edit' ? 'filled' : 'default'}
              description={mode === 'edit' ? t('memberForm.codeFixed') : t('memberForm.codeHint')}
              autoCapitalize="characters"
              dir="ltr"
              maxLength={12}
              {...form.getInputProps('code')}
              onChange={(event) => form.setFieldValue('code', event.currentTarget.value.toUpperCase())}
            />
            {mode === 'create' ? (
              <Radio.Group label={t('memberForm.kind')} required {...form.getInputProps('kind')}>
                <Group mt="xs">
                  {kinds.map((option) => (
                    <Radio key={option.value} value={option.value} label={option.label} />
                  ))}
                </Group>
              </Radio.Group>
            ) : (
              <TextInput
                label={t('memberForm.kind')}
                readOnly
                variant="filled"
                value={t(`enums:memberKind.${kind}`)}
                description={t('memberForm.kindFixed')}
              />
            )}
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('memberForm.names')} variant="unstyled" m={0} classNames={{ legend: 'form-legend' }}>
          {namesOptional ? (
            <Alert variant="light" color="blue" mb="sm">
              {t('memberForm.namesFromIso')}
            </Alert>
          ) : null}
          {/* Each name is typed in its own language, and in its own direction. */}
          <Stack gap="sm">
            <TextInput
              label={t('memberForm.nameEn')}
              lang="en"
              dir="ltr"
              required={!namesOptional}
              {...form.getInputProps('names.en')}
            />
            <TextInput
              label={t('memberForm.nameFr')}
              lang="fr"
              dir="ltr"
              required={!namesOptional}
              {...form.getInputProps('names.fr')}
            />
            <TextInput
              label={t('memberForm.nameAr')}
              lang="ar"
              dir="rtl"
              required={!namesOptional}
              {...form.getInputProps('names.ar')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('memberForm.membership')} variant="unstyled" m={0} classNames={{ legend: 'form-legend' }}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NativeSelect label={t('memberForm.status')} data={statuses} {...form.getInputProps('status')} />
              <TextInput
                type="date"
                label={t('memberForm.joinedOn')}
                description={t('memberForm.joinedOnHint')}
                {...form.getInputProps('joinedOn')}
              />
              <TextInput
                type="date"
                label={t('memberForm.leftOn')}
                description={t('memberForm.leftOnHint')}
                {...form.getInputProps('leftOn')}
              />
            </SimpleGrid>
            <Textarea
              label={t('memberForm.joinedNote')}
              description={t('memberForm.joinedNoteHint')}
              autosize
              minRows={2}
              maxLength={2000}
              {...form.getInputProps('joinedNote')}
            />
          </Stack>
        </Fieldset>

        <Textarea label={t('memberForm.note')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />

        <FormActions submitLabel={submitLabel} submitting={submitting} onCancel={onCancel} />
      </Stack>
    </Paper>
  );
}
