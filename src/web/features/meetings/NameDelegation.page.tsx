import { Alert, Anchor, Breadcrumbs, Button, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { NotFoundPage } from '../../components/NotFound.page.js';
import { PageTitle } from '../../components/PageTitle.js';
import { canUseSecretariat, useMe, useRoleLabel } from '../auth/auth.api.js';
import { useMembers } from '../members/members.api.js';
import { STATUS_LABELS } from './meeting-labels.js';
import { formatMeetingWhen } from './meeting-time.js';
import { useDelegation, useMeeting } from './meetings.api.js';
import { NameDelegationForm } from './NameDelegationForm.js';

interface RefusalProps {
  title: string;
  alertTitle: string;
  children: ReactNode;
  meetingId: string;
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
  const roleLabel = useRoleLabel();
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
