import { Anchor, Breadcrumbs, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../app/api.js';
import { ProblemAlert } from '../../components/FormAlerts.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { orNull } from '../../components/form-values.js';
import { PageTitle } from '../../components/PageTitle.js';
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
  const [problems, setProblems] = useState<{ title: string; lines: string[] } | null>(null);

  const submit = (values: MemberFormValues) => {
    setProblems(null);
    create.mutate(toCreateBody(values), {
      onSuccess: (member) => {
        notifications.show({
          color: 'green',
          title: 'Member added',
          message: `${member.name} (${member.code}) is now listed.`,
        });
        navigate(`/members/${member.code}`);
      },
      onError: (error) => {
        const unmatched = applyFieldErrors(form, error);
        if (isApiError(error, 400)) {
          setProblems({ title: 'Some fields need a correction', lines: unmatched });
        } else if (isApiError(error, 409)) {
          form.setFieldError('code', error.message);
          setProblems({ title: 'This code is taken', lines: [error.message] });
        } else if (isApiError(error, 401)) {
          setProblems({ title: 'Your session has ended', lines: ['Sign in again, then add the member.'] });
        } else {
          setProblems({ title: 'The member was not added', lines: [error.message] });
        }
      },
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
        banner={problems ? <ProblemAlert title={problems.title} lines={problems.lines} /> : null}
      />
    </Stack>
  );
}
