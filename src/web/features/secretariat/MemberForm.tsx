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
import { FormActions, FormBanner } from '../../components/FormAlerts.js';
import { focusFirstError } from '../../components/form-focus.js';
import { emptyMember, type MemberFormMode, type MemberFormValues, memberValidation } from './member-form.js';

export function useMemberForm(mode: MemberFormMode, initialValues: MemberFormValues = emptyMember) {
  return useForm<MemberFormValues>({
    mode: 'controlled',
    initialValues,
    validate: memberValidation(mode),
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
  const { kind } = form.getValues();
  const isState = kind === 'state';
  const namesOptional = mode === 'create' && isState;

  return (
    <Paper withBorder p="lg" component="form" onSubmit={form.onSubmit(onSubmit, focusFirstError)} noValidate maw={760}>
      <Stack gap="lg">
        <FormBanner>{banner}</FormBanner>
        <Fieldset legend="Identity" variant="unstyled" m={0} classNames={{ legend: 'form-legend' }}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Code"
              required={mode === 'create'}
              readOnly={mode === 'edit'}
              variant={mode === 'edit' ? 'filled' : 'default'}
              description={
                mode === 'edit'
                  ? 'The code identifies the member and does not change.'
                  : 'ISO 3166-1 alpha-3 for a state (XKX for Kosovo); a short code of your own for an organisation.'
              }
              autoCapitalize="characters"
              maxLength={12}
              {...form.getInputProps('code')}
              onChange={(event) => form.setFieldValue('code', event.currentTarget.value.toUpperCase())}
            />
            {mode === 'create' ? (
              <Radio.Group label="Kind" required {...form.getInputProps('kind')}>
                <Group mt="xs">
                  <Radio value="state" label="State" />
                  <Radio value="organization" label="Organisation" />
                </Group>
              </Radio.Group>
            ) : (
              <TextInput
                label="Kind"
                readOnly
                variant="filled"
                value={isState ? 'State' : 'Organisation'}
                description="A member's kind does not change."
              />
            )}
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="Names" variant="unstyled" m={0} classNames={{ legend: 'form-legend' }}>
          {namesOptional ? (
            <Alert variant="light" color="blue" mb="sm">
              Leave the names blank to use the state's ISO names in the three languages; fill one in to replace it.
            </Alert>
          ) : null}
          <Stack gap="sm">
            <TextInput label="English name" lang="en" required={!namesOptional} {...form.getInputProps('names.en')} />
            <TextInput label="French name" lang="fr" required={!namesOptional} {...form.getInputProps('names.fr')} />
            <TextInput
              label="Arabic name"
              lang="ar"
              dir="rtl"
              required={!namesOptional}
              {...form.getInputProps('names.ar')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend="Membership" variant="unstyled" m={0} classNames={{ legend: 'form-legend' }}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NativeSelect
                label="Status"
                data={[
                  { value: 'active', label: 'Active' },
                  { value: 'former', label: 'Former' },
                ]}
                {...form.getInputProps('status')}
              />
              <TextInput
                type="date"
                label="Joined on"
                description="Blank when no date is established"
                {...form.getInputProps('joinedOn')}
              />
              <TextInput
                type="date"
                label="Left on"
                description="Blank while a member"
                {...form.getInputProps('leftOn')}
              />
            </SimpleGrid>
            <Textarea
              label="What is known of the joining"
              description="Where the date comes from, or why it is uncertain. Shown as “uncertain” when there is no date."
              autosize
              minRows={2}
              maxLength={2000}
              {...form.getInputProps('joinedNote')}
            />
          </Stack>
        </Fieldset>

        <Textarea label="Note" autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />

        <FormActions submitLabel={submitLabel} submitting={submitting} onCancel={onCancel} />
      </Stack>
    </Paper>
  );
}
