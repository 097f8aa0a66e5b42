import { Anchor, Breadcrumbs, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Member, UpdateMemberBody } from '../../../shared/members.js';
import { isApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ConflictAlert, ProblemAlert } from '../../components/FormAlerts.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { orNull } from '../../components/form-values.js';
import { Loading } from '../../components/Loading.js';
import { NotFoundPage } from '../../components/NotFound.page.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useMember, useUpdateMember } from '../members/members.api.js';
import { MemberFields, type MemberFormValues, toFormValues, useMemberForm } from './MemberForm.js';

function toUpdateBody(values: MemberFormValues): UpdateMemberBody {
  return {
    names: { en: values.names.en.trim(), fr: values.names.fr.trim(), ar: values.names.ar.trim() },
    status: values.status,
    joinedOn: orNull(values.joinedOn),
    joinedNote: orNull(values.joinedNote),
    leftOn: orNull(values.leftOn),
    note: orNull(values.note),
  };
}

type Banner = { kind: 'conflict'; message: string } | { kind: 'error'; title: string; lines: string[] };

function EditMemberForm({ member, reload }: { member: Member; reload: () => Promise<Member | undefined> }) {
  const navigate = useNavigate();
  // The version this form was filled from: the one the change is based on, whatever the cache
  // has read since. Sending a newer one would overwrite changes the user never saw.
  const [base, setBase] = useState(member);
  const form = useMemberForm('edit', toFormValues(member));
  const update = useUpdateMember(member.code);
  const [banner, setBanner] = useState<Banner | null>(null);
  const [reloading, setReloading] = useState(false);

  const submit = (values: MemberFormValues) => {
    setBanner(null);
    update.mutate(
      { version: base.version, body: toUpdateBody(values) },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            title: 'Member saved',
            message: `${saved.name} (${saved.code}) is updated.`,
          });
          navigate(`/members/${saved.code}`);
        },
        onError: (error) => {
          if (isApiError(error, 409)) {
            setBanner({ kind: 'conflict', message: error.message });
            return;
          }
          const unmatched = applyFieldErrors(form, error);
          if (isApiError(error, 400))
            setBanner({ kind: 'error', title: 'Some fields need a correction', lines: unmatched });
          else if (isApiError(error, 401))
            setBanner({ kind: 'error', title: 'Your session has ended', lines: ['Sign in again, then save.'] });
          else setBanner({ kind: 'error', title: 'The member was not saved', lines: [error.message] });
        },
      },
    );
  };

  const reloadCurrent = async () => {
    setReloading(true);
    try {
      const fresh = await reload();
      if (fresh) {
        setBase(fresh);
        form.setInitialValues(toFormValues(fresh));
        form.setValues(toFormValues(fresh));
        form.resetDirty(toFormValues(fresh));
        form.clearErrors();
        setBanner(null);
      }
    } finally {
      setReloading(false);
    }
  };

  const bannerNode =
    banner?.kind === 'conflict' ? (
      <ConflictAlert record="member" message={banner.message} onReload={reloadCurrent} reloading={reloading} />
    ) : banner?.kind === 'error' ? (
      <ProblemAlert title={banner.title} lines={banner.lines} />
    ) : null;

  return (
    <MemberFields
      form={form}
      mode="edit"
      submitting={update.isPending}
      submitLabel="Save changes"
      banner={bannerNode}
      onSubmit={submit}
      onCancel={() => navigate(`/members/${member.code}`)}
    />
  );
}

export function EditMemberPage() {
  const code = (useParams().code ?? '').toUpperCase();
  // Read afresh, not from the cache: a form filled from an old version could only end in a 409.
  const member = useMember(code, { fresh: true });

  let body: ReactNode;
  if (member.isPending || (member.isFetching && !member.isFetchedAfterMount))
    body = <Loading label="Loading the member" />;
  else if (member.isError) {
    if (isApiError(member.error, 404) || isApiError(member.error, 400)) {
      return (
        <NotFoundPage title="Member not found">
          <Text>
            No member has the code <strong>{code}</strong>.
          </Text>
        </NotFoundPage>
      );
    }
    body = <ErrorAlert error={member.error} onRetry={() => member.refetch()} />;
  } else {
    body = <EditMemberForm member={member.data} reload={() => member.refetch().then((r) => r.data)} />;
  }

  const name = member.data?.name ?? code;
  return (
    <Stack gap="lg">
      <PageTitle title={`Edit ${name}`} />
      <Breadcrumbs>
        <Anchor component={Link} to="/secretariat">
          Secretariat
        </Anchor>
        <Anchor component={Link} to={`/members/${code}`}>
          {name}
        </Anchor>
        <Text span>Edit</Text>
      </Breadcrumbs>
      <Title order={1}>Edit {name}</Title>
      {body}
    </Stack>
  );
}
