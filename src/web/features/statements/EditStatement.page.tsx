import { Alert, Anchor, Breadcrumbs, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Statement } from '../../../shared/statements.js';
import { isApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FormActions, FormBanner } from '../../components/FormAlerts.js';
import { focusFirstError } from '../../components/form-focus.js';
import { refill } from '../../components/form-values.js';
import { Loading } from '../../components/Loading.js';
import { LocalizedTitle, useLocalizedTitleText } from '../../components/LocalizedTitle.js';
import { NotFoundPage } from '../../components/NotFound.page.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { StatementFields } from './StatementFields.js';
import {
  editableFields,
  fromStatement,
  type StatementFormValues,
  statementFieldOf,
  toUpdateStatementBody,
} from './statement-form.js';
import { titlesOf } from './statement-title.js';
import { useStatement, useUpdateStatement } from './statements.api.js';

function EditStatementForm({
  statement,
  reload,
}: {
  statement: Statement;
  reload: () => Promise<Statement | undefined>;
}) {
  const { t } = useTranslation('statements');
  const navigate = useNavigate();
  // The version this form was filled from: the change is based on it, whatever the cache read since.
  const [base, setBase] = useState(statement);
  const before = useMemo(() => fromStatement(base), [base]);
  const form = useForm<StatementFormValues>({ mode: 'controlled', initialValues: before });
  const update = useUpdateStatement(statement.id);
  const submission = useFormSubmission(form, {
    record: 'statement',
    fieldOf: statementFieldOf,
    reload: async () => {
      const fresh = await reload();
      if (!fresh) return false;
      setBase(fresh);
      refill(form, fromStatement(fresh));
      return true;
    },
  });
  const editable = editableFields(base.status);
  const back = `/statements/${statement.id}`;

  const submit = (values: StatementFormValues) => {
    submission.clear();
    const body = toUpdateStatementBody(before, values);
    if (Object.keys(body).length === 0) {
      notifications.show({ message: t('edit.unchanged') });
      navigate(back);
      return;
    }
    update.mutate(
      { version: base.version, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('edit.saved') });
          navigate(back);
        },
        onError: submission.fail,
      },
    );
  };

  if (editable.size === 0) {
    return (
      <Alert color="gray" data-not-editable={base.status}>
        {t(base.status === 'in_procedure' ? 'edit.inProcedure' : 'edit.withdrawn')}{' '}
        <Anchor component={Link} to={back}>
          {t('edit.back')}
        </Anchor>
      </Alert>
    );
  }

  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={form.onSubmit(submit, focusFirstError)}
      noValidate
      aria-label={t('edit.title')}
    >
      <Stack gap="md">
        <FormBanner>{submission.banner}</FormBanner>
        {base.status === 'adopted' ? (
          <Alert color="blue" variant="light" data-adopted-locked>
            {t('edit.adoptedLocked')}
          </Alert>
        ) : null}
        <StatementFields form={form} editable={editable} />
        <Text size="sm" c="dimmed">
          {t('edit.textElsewhere')}
        </Text>
        <FormActions submitLabel={t('edit.submit')} submitting={update.isPending} onCancel={() => navigate(back)} />
      </Stack>
    </Paper>
  );
}

/** The secretariat changes a statement, from the version it reads afresh: a draft's every field, an adopted one's translations and readers. */
export function EditStatementPage() {
  const { t } = useTranslation(['statements', 'common']);
  const id = useParams().id ?? '';
  // Read afresh, not from the cache: a form filled from an old version could only end in a 409.
  const statement = useStatement(id, { fresh: true });
  const titleText = useLocalizedTitleText(
    statement.data?.title ?? '',
    titlesOf(statement.data?.translations),
    statement.data?.language ?? 'en',
  );

  let body: ReactNode;
  if (statement.isPending || (statement.isFetching && !statement.isFetchedAfterMount)) {
    body = <Loading label={t('statement.loading')} />;
  } else if (statement.isError) {
    if (isApiError(statement.error, 404) || isApiError(statement.error, 400)) {
      return (
        <NotFoundPage title={t('statement.notFound')}>
          <Text>{t('edit.notFoundText')}</Text>
        </NotFoundPage>
      );
    }
    body = <ErrorAlert error={statement.error} onRetry={() => statement.refetch()} />;
  } else {
    body = <EditStatementForm statement={statement.data} reload={() => statement.refetch().then((r) => r.data)} />;
  }

  return (
    <Stack gap="lg">
      <PageTitle title={t('edit.pageTitle', { title: titleText })} />
      <Breadcrumbs>
        <Anchor component={Link} to="/statements">
          {t('list.title')}
        </Anchor>
        {statement.data ? (
          <Anchor component={Link} to={`/statements/${id}`}>
            <LocalizedTitle
              title={statement.data.title}
              titleTranslations={titlesOf(statement.data.translations)}
              language={statement.data.language}
            />
          </Anchor>
        ) : null}
        <Text span>{t('edit.breadcrumb')}</Text>
      </Breadcrumbs>
      <Title order={1}>{t('edit.title')}</Title>
      {body}
    </Stack>
  );
}
