import { Anchor, Breadcrumbs, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormT } from '../../components/form-errors.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { useFormat } from '../../i18n/format.js';
import { problemMessage } from '../../i18n/problem.js';
import { useCreateMember } from '../members/members.api.js';
import { MemberFields, useMemberForm } from './MemberForm.js';
import { type MemberFormValues, toCreateBody } from './member-form.js';
import { memberName } from './member-name.js';

export function AddMemberPage() {
  const { t } = useTranslation('secretariat');
  const formT = useFormT();
  const { language } = useFormat();
  const navigate = useNavigate();
  const form = useMemberForm('create');
  const create = useCreateMember();
  const submission = useFormSubmission(form, {
    record: 'member',
    // The code is taken: say so on the field too.
    onProblem: (problem) => {
      if (problem.kind === 'refused') form.setFieldError('code', problemMessage(formT, problem.error));
    },
  });

  const submit = (values: MemberFormValues) => {
    submission.send(create, toCreateBody(values), (member) => {
      notifications.show({
        color: 'green',
        title: t('addMember.added'),
        message: t('addMember.addedText', { name: memberName(member, language), code: member.code }),
      });
      navigate(`/members/${member.code}`);
    });
  };

  return (
    <Stack gap="lg">
      <PageTitle title={t('addMember.title')} />
      <Breadcrumbs>
        <Anchor component={Link} to="/secretariat">
          {t('desk.title')}
        </Anchor>
        <Text span>{t('addMember.title')}</Text>
      </Breadcrumbs>
      <Title order={1}>{t('addMember.title')}</Title>
      <MemberFields
        form={form}
        mode="create"
        submitting={create.isPending}
        submitLabel={t('addMember.submit')}
        onSubmit={submit}
        onCancel={() => navigate('/secretariat')}
        banner={submission.banner}
      />
    </Stack>
  );
}
