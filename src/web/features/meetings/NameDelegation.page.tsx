import { Alert, Anchor, Breadcrumbs, Button, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '../../app/api.js';
import { signInPath } from '../../app/sign-in-path.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { NotFoundPage } from '../../components/NotFound.page.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useLanguage } from '../../i18n/format.js';
import { canUseSecretariat, useMe, useRoleLabel } from '../auth/auth.api.js';
import { useMembers } from '../members/members.api.js';
import { useMeetingTime } from './meeting-time.js';
import { useDelegation, useMeeting } from './meetings.api.js';
import { NameDelegationForm } from './NameDelegationForm.js';

interface RefusalProps {
  title: string;
  alertTitle: string;
  children: ReactNode;
  meetingId: string;
}

function Refusal({ title, alertTitle, children, meetingId }: RefusalProps) {
  const { t } = useTranslation('meetingForms');
  return (
    <Stack maw={640}>
      <PageTitle title={title} />
      <Title order={1}>{title}</Title>
      <Alert color="orange" title={alertTitle} role="alert">
        {children}
      </Alert>
      <Text>
        <Anchor component={Link} to={`/meetings/${meetingId}`}>
          {t('nameDelegation.backToMeeting')}
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
  const { t } = useTranslation(['meetingForms', 'common']);
  const language = useLanguage();
  const params = useParams();
  const id = params.id ?? '';
  const code = (params.code ?? '').toUpperCase();
  const location = useLocation();
  const me = useMe();
  const roleLabel = useRoleLabel();
  const meetingTime = useMeetingTime();
  const members = useMembers();
  const meeting = useMeeting(id, { fresh: true });
  const delegation = useDelegation(id, code);

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) {
    return (
      <Stack maw={640}>
        <PageTitle title={t('nameDelegation.signIn.pageTitle')} />
        <Title order={1}>{t('nameDelegation.signIn.title')}</Title>
        <Text>{t('nameDelegation.signIn.text')}</Text>
        <div>
          <Button component={Link} to={signInPath(location)}>
            {t('common:account.signIn')}
          </Button>
        </div>
      </Stack>
    );
  }
  const isSecretariat = canUseSecretariat(me.data);
  if (!isSecretariat && (me.data.role !== 'focal_point' || me.data.memberCode !== code)) {
    if (members.isPending) return <Loading />;
    const nameOf = (c: string) => {
      const member = members.data?.find((m) => m.code === c);
      return member ? member.names[language] || member.name : c;
    };
    const own = me.data.role === 'focal_point' ? me.data.memberCode : null;
    return (
      <Refusal
        title={t('nameDelegation.notAllowed.title')}
        alertTitle={t('nameDelegation.notAllowed.alertTitle', { member: nameOf(code) })}
        meetingId={id}
      >
        {t('nameDelegation.notAllowed.signedInAs', { name: me.data.name, role: roleLabel(me.data) })}{' '}
        {own
          ? t('nameDelegation.notAllowed.ownOnly', { own: nameOf(own), member: nameOf(code) })
          : t('nameDelegation.notAllowed.notFocalPoint')}
      </Refusal>
    );
  }

  if (meeting.isPending || delegation.isPending || (delegation.isFetching && !delegation.isFetchedAfterMount)) {
    return <Loading label={t('nameDelegation.loading')} />;
  }
  if (meeting.isError || delegation.isError) {
    const error = meeting.error ?? delegation.error;
    if (isApiError(error, 404) || isApiError(error, 400)) {
      return (
        <NotFoundPage title={t('nameDelegation.notFound.title')}>
          <Text>
            {meeting.isError
              ? t('nameDelegation.notFound.noMeeting')
              : t('nameDelegation.notFound.notInvited', { code })}
          </Text>
        </NotFoundPage>
      );
    }
    return <ErrorAlert error={error} onRetry={() => Promise.all([meeting.refetch(), delegation.refetch()])} />;
  }

  const m = meeting.data;
  const d = delegation.data;
  const member = d.memberNames[language] || d.memberName;
  const status = m.status;
  if (!isSecretariat && status !== 'planned') {
    return (
      <Refusal
        title={t('nameDelegation.closed.title')}
        alertTitle={t(`nameDelegation.closed.alertTitle.${status}`)}
        meetingId={id}
      >
        {t(`nameDelegation.closed.text.${status}`, { member })}
      </Refusal>
    );
  }

  // The meeting's title is in its working language, which may not be the reader's.
  const titleLang = m.workingLanguage === language ? undefined : m.workingLanguage;
  const title = t('nameDelegation.title', { member });
  return (
    <Stack gap="lg">
      <PageTitle title={title} />
      <Breadcrumbs>
        <Anchor component={Link} to="/meetings">
          {t('common:nav.meetings')}
        </Anchor>
        {/* dir="auto": a title in another script is cut at its own end, not at its start. */}
        <Anchor component={Link} to={`/meetings/${id}`} truncate="end" maw="40vw" lang={titleLang} dir="auto">
          {m.title}
        </Anchor>
        <Text span>{member}</Text>
      </Breadcrumbs>
      <Stack gap={4}>
        <Title order={1}>{title}</Title>
        <Text c="dimmed">
          <bdi lang={titleLang}>{m.title}</bdi> · <bdi>{meetingTime.when(m)}</bdi>
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
