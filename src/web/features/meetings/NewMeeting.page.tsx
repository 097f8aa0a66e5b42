import { Anchor, Breadcrumbs, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from 'react-router';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { useMembers } from '../members/members.api.js';
import { MeetingFields, useMeetingForm } from './MeetingForm.js';
import { type MeetingFormValues, meetingFieldOf, toCreateBody } from './meeting-form.js';
import { useCreateMeeting } from './meetings.api.js';

/** The secretariat plans a meeting: what, where, when (in the zone of the place), who may see it. */
export function NewMeetingPage() {
  const navigate = useNavigate();
  const members = useMembers();
  const create = useCreateMeeting();
  const form = useMeetingForm();
  const submission = useFormSubmission(form, { record: 'meeting', fieldOf: meetingFieldOf });
  const memberOptions = (members.data ?? [])
    .filter((m) => m.status === 'active')
    .map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }));

  const submit = (values: MeetingFormValues) => {
    submission.clear();
    create.mutate(toCreateBody(values), {
      onSuccess: (meeting) => {
        notifications.show({ color: 'green', title: 'Meeting created', message: `${meeting.title} is planned.` });
        navigate(`/meetings/${meeting.id}`);
      },
      onError: submission.fail,
    });
  };

  return (
    <Stack gap="lg">
      <PageTitle title="New meeting" />
      <Breadcrumbs>
        <Anchor component={Link} to="/secretariat">
          Secretariat
        </Anchor>
        <Text span>New meeting</Text>
      </Breadcrumbs>
      <Title order={1}>New meeting</Title>
      <MeetingFields
        form={form}
        label="New meeting"
        members={memberOptions}
        submitting={create.isPending}
        submitLabel="Create the meeting"
        banner={submission.banner}
        onSubmit={submit}
        onCancel={() => navigate('/secretariat')}
      />
    </Stack>
  );
}
