import { Anchor, Breadcrumbs, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FormActions, FormBanner } from '../../components/FormAlerts.js';
import { focusFirstError } from '../../components/form-focus.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { useLanguage } from '../../i18n/format.js';
import { problemMessage } from '../../i18n/problem.js';
import { StatementFields } from './StatementFields.js';
import {
  emptyStatement,
  type StatementFormValues,
  statementFieldOf,
  toCreateStatementBody,
  toVersionBody,
} from './statement-form.js';
import { useAddVersion, useCreateStatement } from './statements.api.js';

/**
 * The secretariat writes a statement: what it is, who may see it, its title in the three
 * languages, then the text of version 1 in Markdown. Two saves: the statement, then its version.
 */
export function NewStatementPage() {
  const { t, i18n } = useTranslation(['statements', 'common']);
  const reader = useLanguage();
  const navigate = useNavigate();
  const create = useCreateStatement();
  const addVersion = useAddVersion();
  const form = useForm<StatementFormValues>({
    mode: 'controlled',
    initialValues: { ...emptyStatement, language: reader },
  });
  const submission = useFormSubmission(form, { record: 'statement', fieldOf: statementFieldOf });
  const title = t('new.title');

  const submit = async (v: StatementFormValues) => {
    submission.clear();
    let id: string;
    try {
      id = (await create.mutateAsync(toCreateStatementBody(v))).id;
    } catch (error) {
      submission.fail(error);
      return;
    }
    try {
      await addVersion.mutateAsync({ ...toVersionBody(v), statementId: id });
      notifications.show({ color: 'green', message: t('new.created') });
    } catch (error) {
      // The statement is saved: its page offers to add the version again.
      notifications.show({
        color: 'orange',
        title: t('new.versionNotSaved'),
        message: problemMessage(i18n.getFixedT(null, 'common'), error),
      });
    }
    navigate(`/statements/${id}`);
  };

  return (
    <Stack gap="lg">
      <PageTitle title={title} />
      <Breadcrumbs>
        <Anchor component={Link} to="/statements">
          {t('list.title')}
        </Anchor>
        <Text span>{title}</Text>
      </Breadcrumbs>
      <Title order={1}>{title}</Title>
      <Paper
        withBorder
        p="md"
        component="form"
        onSubmit={form.onSubmit(submit, focusFirstError)}
        noValidate
        aria-label={title}
      >
        <Stack gap="md">
          <FormBanner>{submission.banner}</FormBanner>
          <StatementFields form={form} withText />
          <FormActions
            submitLabel={t('new.submit')}
            submitting={create.isPending || addVersion.isPending}
            onCancel={() => navigate('/statements')}
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
