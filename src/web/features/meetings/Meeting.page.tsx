import { Anchor, Breadcrumbs, Stack, Text } from '@mantine/core';
import { lazy, Suspense, useEffect } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { type Meeting, Visibility } from '../../../shared/meetings.js';
import { isApiError } from '../../app/api.js';
import { signInPath } from '../../app/sign-in-path.js';
import { CiteThis } from '../../components/CiteThis.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { LocalizedTitle, useLocalizedTitleText } from '../../components/LocalizedTitle.js';
import { NotFoundPage } from '../../components/NotFound.page.js';
import { PageTitle } from '../../components/PageTitle.js';
import { canUseSecretariat, useMe } from '../auth/auth.api.js';
import { LazyCitations } from '../sources/LazyCitations.js';
import { FocalPointPanel } from './FocalPointPanel.js';
import { MeetingAgenda } from './MeetingAgenda.js';
import { MeetingDelegations } from './MeetingDelegations.js';
import { MeetingFacts } from './MeetingFacts.js';
import { MeetingHeader } from './MeetingHeader.js';
import { MeetingRemarks } from './MeetingRemarks.js';
import { MeetingStatusNote } from './MeetingStatusNote.js';
import { useMeeting } from './meetings.api.js';

// Only the secretariat invites: the public never downloads the member picker.
const InviteMembers = lazy(() => import('./InviteMembers.js').then((m) => ({ default: m.InviteMembers })));
// Nor its forms to edit, cancel and mark the meeting held.
const MeetingActions = lazy(() => import('./MeetingActions.js').then((m) => ({ default: m.MeetingActions })));

/** The meeting's page below the breadcrumbs: its sections, and the secretariat's invitations. */
function MeetingBody({ meeting, reload }: { meeting: Meeting; reload: () => Promise<{ data?: Meeting }> }) {
  const { t } = useTranslation('meetings');
  const { data: me } = useMe();
  const location = useLocation();
  const canManage = canUseSecretariat(me);
  const highlighted = location.hash.startsWith('#delegation-') ? location.hash.slice('#delegation-'.length) : null;

  // Back from naming a delegation (#delegation-FRA): bring its row into view once it is drawn.
  useEffect(() => {
    if (!highlighted) return;
    document.getElementById(`delegation-${highlighted}`)?.scrollIntoView({ block: 'center' });
  }, [highlighted]);

  return (
    <Stack gap="xl">
      <MeetingHeader meeting={meeting} />
      {canManage ? (
        <Suspense fallback={null}>
          <MeetingActions meeting={meeting} onReload={reload} />
        </Suspense>
      ) : null}
      <MeetingStatusNote meeting={meeting} />
      {me?.role === 'focal_point' ? <FocalPointPanel meeting={meeting} me={me} /> : null}
      <MeetingFacts meeting={meeting} />
      <MeetingAgenda meeting={meeting} />
      {canManage && meeting.status !== 'cancelled' ? (
        <Suspense fallback={<Loading label={t('meeting.loadingInvitations')} />}>
          <InviteMembers meeting={meeting} />
        </Suspense>
      ) : null}
      <MeetingDelegations meeting={meeting} canManage={canManage} highlighted={highlighted} onReload={reload} />
      <MeetingRemarks meeting={meeting} canManage={canManage} />
    </Stack>
  );
}

/** One meeting: when and where (in its own zone), agenda, delegations in protocol order, remarks. */
export function MeetingPage() {
  const { t } = useTranslation('meetings');
  const id = useParams().id ?? '';
  const location = useLocation();
  const meeting = useMeeting(id);
  const title = useLocalizedTitleText(
    meeting.data?.title ?? '',
    meeting.data?.titleTranslations,
    meeting.data?.workingLanguage ?? 'en',
  );

  if (meeting.isPending) return <Loading label={t('meeting.loading')} />;
  if (meeting.isError) {
    // Hidden and missing alike answer 404: the page does not say which.
    if (isApiError(meeting.error, 404) || isApiError(meeting.error, 400)) {
      return (
        <NotFoundPage title={t('meeting.notFound')}>
          <Text>
            <Trans
              t={t}
              i18nKey="meeting.notFoundText"
              components={{
                signin: <Anchor component={Link} to={signInPath(location)} />,
              }}
            />
          </Text>
        </NotFoundPage>
      );
    }
    return <ErrorAlert error={meeting.error} onRetry={() => meeting.refetch()} />;
  }

  return (
    <Stack gap="lg">
      <PageTitle title={title} />
      <Breadcrumbs className="no-print">
        <Anchor component={Link} to="/meetings">
          {t('list.title')}
        </Anchor>
        <Text span truncate="end" maw="60vw">
          <LocalizedTitle
            title={meeting.data.title}
            titleTranslations={meeting.data.titleTranslations}
            language={meeting.data.workingLanguage}
          />
        </Text>
      </Breadcrumbs>
      <MeetingBody meeting={meeting.data} reload={() => meeting.refetch()} />
      {meeting.data.visibility === Visibility.enum.public ? (
        <CiteThis title={title} date={meeting.data.startDate} />
      ) : null}
      <LazyCitations subject="meeting" subjectKey={meeting.data.id} />
    </Stack>
  );
}
