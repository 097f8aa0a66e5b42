import { Alert, Anchor, Breadcrumbs, Button, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { Delegation, Meeting } from '../../../shared/meetings.js';
import { isApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ConflictAlert, ProblemAlert } from '../../components/FormAlerts.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { Loading } from '../../components/Loading.js';
import { NotFoundPage } from '../../components/NotFound.page.js';
import { PageTitle } from '../../components/PageTitle.js';
import { canUseSecretariat, roleLabel, useMe } from '../auth/auth.api.js';
import { useMembers, usePeople } from '../members/members.api.js';
import {
  type Candidate,
  DelegationFields,
  type DelegationFormValues,
  toBody,
  toFormValues,
  useDelegationForm,
} from './DelegationForm.js';
import { STATUS_LABELS } from './meeting-labels.js';
import { formatMeetingWhen } from './meeting-time.js';
import { useDelegation, useMeeting, usePutDelegation } from './meetings.api.js';

type Banner = { kind: 'conflict'; message: string } | { kind: 'error'; title: string; lines: string[]; back?: boolean };

function NameDelegationForm({
  meeting,
  delegation,
  reload,
  reloadMeeting,
}: {
  meeting: Meeting;
  delegation: Delegation;
  reload: () => Promise<Delegation | undefined>;
  /** A refusal may come from a change to the meeting (its quota, its status): read it again. */
  reloadMeeting: () => Promise<unknown>;
}) {
  const navigate = useNavigate();
  // The version this form was filled from: the one the change is based on, whatever the
  // cache has read since. Sending a newer one would overwrite changes the user never saw.
  const [base, setBase] = useState(delegation);
  const form = useDelegationForm(toFormValues(delegation));
  const people = usePeople(delegation.memberCode);
  const save = usePutDelegation(meeting.id, delegation.memberCode);
  const [banner, setBanner] = useState<Banner | null>(null);
  const [reloading, setReloading] = useState(false);
  const back = `/meetings/${meeting.id}`;

  const submit = (values: DelegationFormValues) => {
    setBanner(null);
    save.mutate(
      { version: base.version, body: toBody(values) },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            title: 'Delegation saved',
            message: saved.head
              ? `${saved.memberName}'s delegation is headed by ${saved.head.name}.`
              : `${saved.memberName}'s delegation is saved.`,
          });
          navigate(`${back}#delegation-${saved.memberCode}`);
        },
        onError: (error) => {
          // A lowered quota, or a change made meanwhile: count with the meeting as it is now. (A
          // meeting closed meanwhile keeps the form on screen, with the server's words above it.)
          if (isApiError(error, 400) || (isApiError(error, 409) && error.code === 'version_mismatch')) {
            void reloadMeeting();
          }
          if (isApiError(error, 409) && error.code === 'version_mismatch') {
            setBanner({ kind: 'conflict', message: error.message });
            return;
          }
          if (isApiError(error, 409)) {
            // The meeting is no longer planned, or someone named sits on another delegation.
            setBanner({ kind: 'error', title: 'The delegation was not saved', lines: [error.message], back: true });
            return;
          }
          const unmatched = applyFieldErrors(form, error);
          if (isApiError(error, 400)) {
            setBanner({ kind: 'error', title: 'The delegation was not saved', lines: [error.message, ...unmatched] });
          } else if (isApiError(error, 403)) {
            setBanner({ kind: 'error', title: 'Not allowed', lines: [error.message], back: true });
          } else if (isApiError(error, 401)) {
            setBanner({ kind: 'error', title: 'Your session has ended', lines: ['Sign in again, then save.'] });
          } else {
            setBanner({ kind: 'error', title: 'The delegation was not saved', lines: [error.message] });
          }
        },
      },
    );
  };

  const reloadCurrent = async () => {
    setReloading(true);
    try {
      // Someone named afresh by the colleague is on record now: read the member's people again too.
      const [fresh] = await Promise.all([reload(), people.refetch()]);
      if (fresh) {
        setBase(fresh);
        const values = toFormValues(fresh);
        form.setInitialValues(values);
        form.setValues(values);
        form.resetDirty(values);
        form.clearErrors();
        setBanner(null);
      }
    } finally {
      setReloading(false);
    }
  };

  let bannerNode: ReactNode = null;
  if (banner?.kind === 'conflict') {
    bannerNode = (
      <ConflictAlert record="delegation" message={banner.message} onReload={reloadCurrent} reloading={reloading} />
    );
  } else if (banner?.kind === 'error') {
    bannerNode = (
      <ProblemAlert title={banner.title} lines={banner.lines}>
        {banner.back ? (
          <Anchor component={Link} to={back} size="sm" mt="xs" display="inline-block">
            Back to the meeting
          </Anchor>
        ) : null}
      </ProblemAlert>
    );
  }

  if (people.isPending) return <Loading label="Loading the member's people" />;
  if (people.isError) return <ErrorAlert error={people.error} title="The member's people could not be loaded" />;
  return (
    <DelegationFields
      form={form}
      seatQuota={meeting.seatQuota}
      people={candidates(people.data, base)}
      submitting={save.isPending}
      banner={bannerNode}
      onSubmit={submit}
      onCancel={() => navigate(back)}
    />
  );
}

interface RefusalProps {
  title: string;
  alertTitle: string;
  children: ReactNode;
  meetingId: string;
}

/**
 * The member's people, and whoever already sits on the delegation: a seat whose person the
 * list does not have (yet) would otherwise show as "Choose…" and be lost on saving.
 */
function candidates(people: Candidate[], delegation: Delegation): Candidate[] {
  const seated = delegation.delegates.map((d) => d.person).filter((p) => !people.some((q) => q.id === p.id));
  return [...people, ...seated];
}

function Refusal({ title, alertTitle, children, meetingId }: RefusalProps) {
  return (
    <Stack maw={640}>
      <PageTitle title={title} />
      <Title order={1}>{title}</Title>
      <Alert color="orange" title={alertTitle} role="alert">
        {children}
      </Alert>
      <Text>
        <Anchor component={Link} to={`/meetings/${meetingId}`}>
          Back to the meeting
        </Anchor>
      </Text>
    </Stack>
  );
}

/**
 * A focal point names their member's delegation to a meeting (or the secretariat any member's).
 * The page says no before the server would; the server decides all the same.
 */
export function NameDelegationPage() {
  const params = useParams();
  const id = params.id ?? '';
  const code = (params.code ?? '').toUpperCase();
  const location = useLocation();
  const me = useMe();
  const members = useMembers();
  const meeting = useMeeting(id, { fresh: true });
  const delegation = useDelegation(id, code);

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) {
    return (
      <Stack maw={640}>
        <PageTitle title="Sign in required" />
        <Title order={1}>Name a delegation</Title>
        <Text>A member's focal point names its delegation. Sign in to do it.</Text>
        <div>
          <Button component={Link} to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>
            Sign in
          </Button>
        </div>
      </Stack>
    );
  }
  const isSecretariat = canUseSecretariat(me.data);
  if (!isSecretariat && (me.data.role !== 'focal_point' || me.data.memberCode !== code)) {
    if (members.isPending) return <Loading />;
    const nameOf = (c: string) => members.data?.find((m) => m.code === c)?.name ?? c;
    const own = me.data.role === 'focal_point' ? me.data.memberCode : null;
    return (
      <Refusal title="Not allowed" alertTitle={`${nameOf(code)}'s delegation is not yours to name`} meetingId={id}>
        You are signed in as {me.data.name} ({roleLabel(me.data)}).{' '}
        {own
          ? `A focal point names only their own member's delegation: you may name ${nameOf(own)}'s, not ${nameOf(code)}'s.`
          : "Only a member's focal point, or the secretariat, names a delegation."}
      </Refusal>
    );
  }

  if (meeting.isPending || delegation.isPending || (delegation.isFetching && !delegation.isFetchedAfterMount)) {
    return <Loading label="Loading the delegation" />;
  }
  if (meeting.isError || delegation.isError) {
    const error = meeting.error ?? delegation.error;
    if (isApiError(error, 404) || isApiError(error, 400)) {
      return (
        <NotFoundPage title="Delegation not found">
          <Text>
            {meeting.isError
              ? 'There is no meeting at this address, or it is not one you may see.'
              : `${code} is not invited to this meeting.`}
          </Text>
        </NotFoundPage>
      );
    }
    return <ErrorAlert error={error} onRetry={() => Promise.all([meeting.refetch(), delegation.refetch()])} />;
  }

  const m = meeting.data;
  const d = delegation.data;
  if (!isSecretariat && m.status !== 'planned') {
    return (
      <Refusal
        title="Delegations are closed"
        alertTitle={`The meeting is ${STATUS_LABELS[m.status].toLowerCase()}`}
        meetingId={id}
      >
        The meeting is {STATUS_LABELS[m.status].toLowerCase()}: {d.memberName}'s delegation can no longer be changed by
        its focal point. If it needs a correction, ask the secretariat.
      </Refusal>
    );
  }

  const title = `Delegation of ${d.memberName}`;
  return (
    <Stack gap="lg">
      <PageTitle title={title} />
      <Breadcrumbs>
        <Anchor component={Link} to="/meetings">
          Meetings
        </Anchor>
        <Anchor component={Link} to={`/meetings/${id}`} truncate="end" maw="40vw">
          {m.title}
        </Anchor>
        <Text span>{d.memberName}</Text>
      </Breadcrumbs>
      <Stack gap={4}>
        <Title order={1}>{title}</Title>
        <Text c="dimmed">
          {m.title} · {formatMeetingWhen(m)}
        </Text>
      </Stack>
      <NameDelegationForm
        meeting={m}
        delegation={d}
        reload={() => delegation.refetch().then((r) => r.data)}
        reloadMeeting={() => meeting.refetch()}
      />
    </Stack>
  );
}
