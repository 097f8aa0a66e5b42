import { Anchor, Breadcrumbs, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from 'react-router';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { useCreateMember } from '../members/members.api.js';
import { MemberFields, useMemberForm } from './MemberForm.js';
import { type MemberFormValues, toCreateBody } from './member-form.js';

export function AddMemberPage() {
  const navigate = useNavigate();
  const form = useMemberForm('create');
  const create = useCreateMember();
  const submission = useFormSubmission(form, {
    record: 'member',
    // The code is taken: say so on the field too.
    onProblem: (problem) => {
      if (problem.kind === 'refused') form.setFieldError('code', problem.detail);
    },
  });

  const submit = (values: MemberFormValues) => {
    submission.clear();
    create.mutate(toCreateBody(values), {
      onSuccess: (member) => {
        notifications.show({
          color: 'green',
          title: 'Member added',
          message: `${member.name} (${member.code}) is now listed.`,
        });
        navigate(`/members/${member.code}`);
      },
      onError: submission.fail,
    });
  };

  return (
    <Stack gap="lg">
      <PageTitle title="Add a member" />
      <Breadcrumbs>
        <Anchor component={Link} to="/secretariat">
          Secretariat
        </Anchor>
        <Text span>Add a member</Text>
      </Breadcrumbs>
      <Title order={1}>Add a member</Title>
      <MemberFields
        form={form}
        mode="create"
        submitting={create.isPending}
        submitLabel="Add the member"
        onSubmit={submit}
        onCancel={() => navigate('/secretariat')}
        banner={submission.banner}
      />
    </Stack>
  );
}
