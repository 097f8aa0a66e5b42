import { Alert, Anchor, Breadcrumbs, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Meeting } from '../../../shared/meetings.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { useLanguage } from '../../i18n/format.js';
import { useMembers } from '../members/members.api.js';
import { MeetingFields, useMeetingForm } from './MeetingForm.js';
import {
  duplicateOf,
  emptyMeeting,
  type MeetingFormValues,
  meetingFieldOf,
  memberOptions,
  toCreateBody,
} from './meeting-form.js';
import { useCreateMeeting, useMeeting } from './meetings.api.js';

/** The form of a new meeting, filled from `original` when it is the next one of that meeting. */
function NewMeetingForm({ original }: { original: Meeting | null }) {
  const { t } = useTranslation(['meetingForms', 'common']);
  const language = useLanguage();
  const navigate = useNavigate();
  const members = useMembers();
  const create = useCreateMeeting();
  const form = useMeetingForm(original ? duplicateOf(original) : emptyMeeting);
  const submission = useFormSubmission(form, { record: 'meeting', fieldOf: meetingFieldOf });
  const title = t('newMeeting.title');

  const submit = (values: MeetingFormValues) => {
    submission.send(create, toCreateBody(values), (meeting) => {
      // The title is in the meeting's working language, which may not be the reader's.
      const lang = meeting.workingLanguage === language ? undefined : meeting.workingLanguage;
      notifications.show({
        color: 'green',
        title: t('newMeeting.created'),
        message: (
          <Trans
            t={t}
            i18nKey="newMeeting.createdText"
            values={{ title: meeting.title }}
            components={{ meeting: <bdi lang={lang} /> }}
          />
        ),
      });
      navigate(`/meetings/${meeting.id}`);
    });
  };

  return (
    <>
      {original ? (
        <Alert color="blue" variant="light" role="status">
          <Trans
            t={t}
            i18nKey="newMeeting.duplicateOf"
            values={{ title: original.title }}
            components={{
              meeting: <bdi lang={original.workingLanguage === language ? undefined : original.workingLanguage} />,
            }}
          />
        </Alert>
      ) : null}
      <MeetingFields
        form={form}
        label={title}
        members={memberOptions(members.data ?? [], language, t)}
        submitting={create.isPending}
        submitLabel={t('newMeeting.submit')}
        banner={submission.banner}
        onSubmit={submit}
        onCancel={() => navigate(original ? `/meetings/${original.id}` : '/secretariat')}
      />
    </>
  );
}

/** The original of a duplicate (`?from=<id>`), read before the form is filled from it. */
function DuplicateForm({ from }: { from: string }) {
  const { t } = useTranslation('meetingForms');
  const original = useMeeting(from);
  if (original.isPending) return <Loading label={t('newMeeting.loadingOriginal')} />;
  if (original.isError) return <ErrorAlert error={original.error} onRetry={() => original.refetch()} />;
  return <NewMeetingForm original={original.data} />;
}

/**
 * The secretariat plans a meeting: what, where, when (in the zone of the place), who may see it;
 * or the next one of a meeting (`?from=<id>`), prefilled from it but for its dates.
 */
export function NewMeetingPage() {
  const { t } = useTranslation(['meetingForms', 'common']);
  const from = useSearchParams()[0].get('from');
  const title = t('newMeeting.title');
  return (
    <Stack gap="lg">
      <PageTitle title={title} />
      <Breadcrumbs>
        <Anchor component={Link} to="/secretariat">
          {t('common:nav.secretariat')}
        </Anchor>
        <Text span>{title}</Text>
      </Breadcrumbs>
      <Title order={1}>{title}</Title>
      {from ? <DuplicateForm key={from} from={from} /> : <NewMeetingForm original={null} />}
    </Stack>
  );
}
