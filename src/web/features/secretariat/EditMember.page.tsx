import { Anchor, Breadcrumbs, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Member } from '../../../shared/members.js';
import { isApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { refill } from '../../components/form-values.js';
import { Loading } from '../../components/Loading.js';
import { NotFoundPage } from '../../components/NotFound.page.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { useFormat } from '../../i18n/format.js';
import { useMember, useUpdateMember } from '../members/members.api.js';
import { MemberFields, useMemberForm } from './MemberForm.js';
import { type MemberFormValues, toFormValues, toUpdateBody } from './member-form.js';
import { memberName } from './member-name.js';

function EditMemberForm({ member, reload }: { member: Member; reload: () => Promise<Member | undefined> }) {
  const { t } = useTranslation('secretariat');
  const { language } = useFormat();
  const navigate = useNavigate();
  // The version this form was filled from: the one the change is based on, whatever the cache
  // has read since. Sending a newer one would overwrite changes the user never saw.
  const [base, setBase] = useState(member);
  const form = useMemberForm('edit', toFormValues(member));
  const update = useUpdateMember(member.code);
  const submission = useFormSubmission(form, {
    record: 'member',
    reload: async () => {
      const fresh = await reload();
      if (!fresh) return false;
      setBase(fresh);
      refill(form, toFormValues(fresh));
      return true;
    },
  });

  const submit = (values: MemberFormValues) => {
    submission.send(update, { version: base.version, body: toUpdateBody(values) }, (saved) => {
      notifications.show({
        color: 'green',
        title: t('editMember.saved'),
        message: t('editMember.savedText', { name: memberName(saved, language), code: saved.code }),
      });
      navigate(`/members/${saved.code}`);
    });
  };

  return (
    <MemberFields
      form={form}
      mode="edit"
      submitting={update.isPending}
      submitLabel={t('editMember.submit')}
      banner={submission.banner}
      onSubmit={submit}
      onCancel={() => navigate(`/members/${member.code}`)}
    />
  );
}

export function EditMemberPage() {
  const { t } = useTranslation('secretariat');
  const { language } = useFormat();
  const code = (useParams().code ?? '').toUpperCase();
  // Read afresh, not from the cache: a form filled from an old version could only end in a 409.
  const member = useMember(code, { fresh: true });

  let body: ReactNode;
  if (member.isPending || (member.isFetching && !member.isFetchedAfterMount))
    body = <Loading label={t('editMember.loading')} />;
  else if (member.isError) {
    if (isApiError(member.error, 404) || isApiError(member.error, 400)) {
      return (
        <NotFoundPage title={t('editMember.notFound')}>
          <Text>
            <Trans
              t={t}
              i18nKey="editMember.noSuchCode"
              values={{ code }}
              components={{ code: <strong dir="ltr" /> }}
            />
          </Text>
        </NotFoundPage>
      );
    }
    body = <ErrorAlert error={member.error} onRetry={() => member.refetch()} />;
  } else {
    body = <EditMemberForm member={member.data} reload={() => member.refetch().then((r) => r.data)} />;
  }

  const name = member.data ? memberName(member.data, language) : code;
  return (
    <Stack gap="lg">
      <PageTitle title={t('editMember.title', { name })} />
      <Breadcrumbs>
        <Anchor component={Link} to="/secretariat">
          {t('desk.title')}
        </Anchor>
        <Anchor component={Link} to={`/members/${code}`}>
          {name}
        </Anchor>
        <Text span>{t('editMember.breadcrumb')}</Text>
      </Breadcrumbs>
      <Title order={1}>{t('editMember.title', { name })}</Title>
      {body}
    </Stack>
  );
}
