import { NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { FormActions, FormBanner } from '../../components/FormAlerts.js';
import { focusFirstError } from '../../components/form-focus.js';
import { type Candidate, type DelegationFormValues, validateDelegation } from './delegation-form.js';
import { LEVEL_LABELS, options } from './meeting-labels.js';
import { SeatFields } from './SeatFields.js';
import { SeatLists } from './SeatLists.js';

export function useDelegationForm(initialValues: DelegationFormValues) {
  return useForm<DelegationFormValues>({ mode: 'controlled', initialValues, validate: validateDelegation });
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

const LEVEL_OPTIONS = [{ value: '', label: 'Not given' }, ...options(LEVEL_LABELS)];

/** Level, head, alternates and advisers, within the meeting's seat quota. */
export function DelegationFields(props: DelegationFieldsProps) {
  const { form, seatQuota, people, submitting, banner, onSubmit, onCancel } = props;
  return (
    <Paper withBorder p="lg" component="form" onSubmit={form.onSubmit(onSubmit, focusFirstError)} noValidate maw={820}>
      <Stack gap="lg">
        <FormBanner>{banner}</FormBanner>

        <NativeSelect
          label="Level of representation"
          description="The rank of the head of delegation"
          data={LEVEL_OPTIONS}
          maw={360}
          {...form.getInputProps('level')}
        />

        <div>
          <SeatFields form={form} path="head" label="Head of delegation" people={people} allowNobody />
          {form.errors.head ? (
            <Text c="red" size="sm" role="alert" mt={4}>
              {form.errors.head}
            </Text>
          ) : null}
        </div>

        <SeatLists form={form} seatQuota={seatQuota} people={people} />

        <FormActions submitLabel="Save the delegation" submitting={submitting} onCancel={onCancel} />
      </Stack>
    </Paper>
  );
}
