import { Anchor, Breadcrumbs, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { useLanguage } from '../../i18n/format.js';
import { useMembers } from '../members/members.api.js';
import { MeetingFields, useMeetingForm } from './MeetingForm.js';
import { type MeetingFormValues, meetingFieldOf, memberOptions, toCreateBody } from './meeting-form.js';
import { useCreateMeeting } from './meetings.api.js';

/** The secretariat plans a meeting: what, where, when (in the zone of the place), who may see it. */
export function NewMeetingPage() {
  const { t } = useTranslation(['meetingForms', 'common']);
  const language = useLanguage();
  const navigate = useNavigate();
  const members = useMembers();
  const create = useCreateMeeting();
  const form = useMeetingForm();
  const submission = useFormSubmission(form, { record: 'meeting', fieldOf: meetingFieldOf });
  const title = t('newMeeting.title');

  const submit = (values: MeetingFormValues) => {
    submission.clear();
    create.mutate(toCreateBody(values), {
      onSuccess: (meeting) => {
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
      },
      onError: submission.fail,
    });
  };

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
      <MeetingFields
        form={form}
        label={title}
        members={memberOptions(members.data ?? [], language, t)}
        submitting={create.isPending}
        submitLabel={t('newMeeting.submit')}
        banner={submission.banner}
        onSubmit={submit}
        onCancel={() => navigate('/secretariat')}
      />
    </Stack>
  );
}
