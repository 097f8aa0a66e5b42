import { Paper, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '../../../shared/meetings.js';
import { FormActions, FormBanner } from '../../components/FormAlerts.js';
import { focusFirstError } from '../../components/form-focus.js';
import { AgendaEditor } from './AgendaEditor.js';
import { ChairsPicker } from './ChairsPicker.js';
import { AboutFieldset, type MemberOption, WhereAndWhenFieldset, WhoTakesPartFieldset } from './MeetingFieldsets.js';
import { emptyMeeting, type MeetingFormValues, validateMeeting } from './meeting-form.js';

export function useMeetingForm(initialValues: MeetingFormValues = emptyMeeting) {
  const { t } = useTranslation('meetingForms');
  return useForm<MeetingFormValues>({ mode: 'controlled', initialValues, validate: validateMeeting(t) });
}

// @mantine/form's own type for this cannot be imported under NodeNext resolution; infer it.
export type MeetingForm = ReturnType<typeof useMeetingForm>;

export interface MeetingFieldsProps {
  form: MeetingForm;
  /** The form's name, for screen readers ("New meeting"). */
  label: string;
  /** The members that may host the meeting or be the ones to see it. */
  members: MemberOption[];
  submitting: boolean;
  submitLabel: string;
  /** A message about the whole form (not one field), shown above it. */
  banner?: ReactNode;
  onSubmit: (values: MeetingFormValues) => void;
  onCancel: () => void;
  /** The chairs the meeting has (when editing): shown before the registry is read. */
  chairs?: PersonRef[];
}

/** The fields of a meeting: what, where and when (in the zone of the place), who takes part, the agenda. */
export function MeetingFields(props: MeetingFieldsProps) {
  const { form, label, members, submitting, submitLabel, banner, onSubmit, onCancel, chairs } = props;
  return (
    <Paper
      withBorder
      p="lg"
      component="form"
      onSubmit={form.onSubmit(onSubmit, focusFirstError)}
      noValidate
      maw={820}
      aria-label={label}
    >
      <Stack gap="lg">
        <FormBanner>{banner}</FormBanner>
        <AboutFieldset form={form} members={members} />
        <ChairsPicker form={form} chairs={chairs} />
        <WhereAndWhenFieldset form={form} />
        <WhoTakesPartFieldset form={form} members={members} />
        <AgendaEditor form={form} />
        <FormActions submitLabel={submitLabel} submitting={submitting} onCancel={onCancel} />
      </Stack>
    </Paper>
  );
}
