import { Anchor, Breadcrumbs, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from 'react-router';
import { orNull } from '../../components/form-values.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { type NewMember, useCreateMember } from '../members/members.api.js';
import { MemberFields, type MemberFormValues, useMemberForm } from './MemberForm.js';

function toCreateBody(values: MemberFormValues): NewMember {
  // Blank names are left out, so that a state gets its ISO names from the server.
  const names = Object.fromEntries(Object.entries(values.names).filter(([, v]) => v.trim() !== ''));
  return {
    code: values.code,
    kind: values.kind,
    ...(Object.keys(names).length > 0 ? { names } : {}),
    status: values.status,
    joinedOn: orNull(values.joinedOn),
    joinedNote: orNull(values.joinedNote),
    leftOn: orNull(values.leftOn),
    note: orNull(values.note),
  };
}

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
