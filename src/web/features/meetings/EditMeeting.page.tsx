import { Anchor, Breadcrumbs, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Meeting } from '../../../shared/meetings.js';
import { isApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { refill } from '../../components/form-values.js';
import { Loading } from '../../components/Loading.js';
import { LocalizedTitle, useLocalizedTitleText } from '../../components/LocalizedTitle.js';
import { NotFoundPage } from '../../components/NotFound.page.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { useLanguage } from '../../i18n/format.js';
import { useMembers } from '../members/members.api.js';
import { MeetingFields, useMeetingForm } from './MeetingForm.js';
import { fromMeeting, type MeetingFormValues, meetingFieldOf, memberOptions, toUpdateBody } from './meeting-form.js';
import { useMeeting, useUpdateMeeting } from './meetings.api.js';

function EditMeetingForm({ meeting, reload }: { meeting: Meeting; reload: () => Promise<Meeting | undefined> }) {
  const { t } = useTranslation(['meetingForms', 'common']);
  const language = useLanguage();
  const navigate = useNavigate();
  const members = useMembers();
  // The version this form was filled from: the change is based on it, whatever the cache read since.
  const [base, setBase] = useState(meeting);
  const form = useMeetingForm(fromMeeting(meeting));
  const update = useUpdateMeeting(meeting.id);
  const submission = useFormSubmission(form, {
    record: 'meeting',
    fieldOf: meetingFieldOf,
    reload: async () => {
      const fresh = await reload();
      if (!fresh) return false;
      setBase(fresh);
      refill(form, fromMeeting(fresh));
      return true;
    },
  });

  const submit = (values: MeetingFormValues) => {
    submission.send(update, { version: base.version, body: toUpdateBody(values) }, (saved) => {
      const lang = saved.workingLanguage === language ? undefined : saved.workingLanguage;
      notifications.show({
        color: 'green',
        title: t('editMeeting.saved'),
        message: (
          <Trans
            t={t}
            i18nKey="editMeeting.savedText"
            values={{ title: saved.title }}
            components={{ meeting: <bdi lang={lang} /> }}
          />
        ),
      });
      navigate(`/meetings/${saved.id}`);
    });
  };

  return (
    <MeetingFields
      form={form}
      label={t('editMeeting.label')}
      members={memberOptions(members.data ?? [], language, t)}
      chairs={base.chairs}
      submitting={update.isPending}
      submitLabel={t('editMeeting.submit')}
      banner={submission.banner}
      onSubmit={submit}
      onCancel={() => navigate(`/meetings/${meeting.id}`)}
    />
  );
}

/** The secretariat changes any field of a meeting, from the version it reads afresh. */
export function EditMeetingPage() {
  const { t } = useTranslation(['meetingForms', 'common']);
  const id = useParams().id ?? '';
  // Read afresh, not from the cache: a form filled from an old version could only end in a 409.
  const meeting = useMeeting(id, { fresh: true });
  const titleText = useLocalizedTitleText(
    meeting.data?.title ?? '',
    meeting.data?.titleTranslations,
    meeting.data?.workingLanguage ?? 'en',
  );

  let body: ReactNode;
  if (meeting.isPending || (meeting.isFetching && !meeting.isFetchedAfterMount)) {
    body = <Loading label={t('editMeeting.loading')} />;
  } else if (meeting.isError) {
    if (isApiError(meeting.error, 404) || isApiError(meeting.error, 400)) {
      return (
        <NotFoundPage title={t('editMeeting.notFound')}>
          <Text>{t('editMeeting.notFoundText')}</Text>
        </NotFoundPage>
      );
    }
    body = <ErrorAlert error={meeting.error} onRetry={() => meeting.refetch()} />;
  } else {
    body = <EditMeetingForm meeting={meeting.data} reload={() => meeting.refetch().then((r) => r.data)} />;
  }

  return (
    <Stack gap="lg">
      <PageTitle title={t('editMeeting.pageTitle', { title: titleText })} />
      <Breadcrumbs>
        <Anchor component={Link} to="/secretariat">
          {t('common:nav.secretariat')}
        </Anchor>
        {meeting.data ? (
          <Anchor component={Link} to={`/meetings/${id}`}>
            <LocalizedTitle
              title={meeting.data.title}
              titleTranslations={meeting.data.titleTranslations}
              language={meeting.data.workingLanguage}
            />
          </Anchor>
        ) : null}
        <Text span>{t('editMeeting.breadcrumb')}</Text>
      </Breadcrumbs>
      <Title order={1}>{t('editMeeting.title')}</Title>
      {body}
    </Stack>
  );
}
