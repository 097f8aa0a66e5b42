import { NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { REPRESENTATION_LEVELS } from '../../../shared/enums.js';
import { FormActions, FormBanner } from '../../components/FormAlerts.js';
import { focusFirstError } from '../../components/form-focus.js';
import { useEnumOptions } from '../../i18n/enums.js';
import { type Candidate, type DelegationFormValues, validateDelegation } from './delegation-form.js';
import { SeatFields } from './SeatFields.js';
import { SeatLists } from './SeatLists.js';

export function useDelegationForm(initialValues: DelegationFormValues) {
  const { t } = useTranslation('meetingForms');
  return useForm<DelegationFormValues>({ mode: 'controlled', initialValues, validate: validateDelegation(t) });
}

// @mantine/form's own type for this cannot be imported under NodeNext resolution; infer it.
export type DelegationForm = ReturnType<typeof useDelegationForm>;

export interface DelegationFieldsProps {
  form: DelegationForm;
  seatQuota: string;
  people: Candidate[];
  submitting: boolean;
  banner?: ReactNode;
  onSubmit: (values: DelegationFormValues) => void;
  onCancel: () => void;
}

/** Level, head, alternates and advisers, within the meeting's seat quota. */
export function DelegationFields(props: DelegationFieldsProps) {
  const { form, seatQuota, people, submitting, banner, onSubmit, onCancel } = props;
  const { t } = useTranslation('meetingForms');
  const levelOptions = useEnumOptions('level', REPRESENTATION_LEVELS);
  const levels = [{ value: '', label: t('delegation.levelNotGiven') }, ...levelOptions];
  return (
    <Paper withBorder p="lg" component="form" onSubmit={form.onSubmit(onSubmit, focusFirstError)} noValidate maw={820}>
      <Stack gap="lg">
        <FormBanner>{banner}</FormBanner>

        <NativeSelect
          label={t('delegation.level')}
          description={t('delegation.levelDescription')}
          data={levels}
          maw={360}
          {...form.getInputProps('level')}
        />

        <div>
          <SeatFields form={form} seat={{ list: 'head' }} people={people} allowNobody />
          {form.errors.head ? (
            <Text c="red" size="sm" role="alert" mt={4}>
              {form.errors.head}
            </Text>
          ) : null}
        </div>

        <SeatLists form={form} seatQuota={seatQuota} people={people} />

        <FormActions submitLabel={t('delegation.submit')} submitting={submitting} onCancel={onCancel} />
      </Stack>
    </Paper>
  );
}
