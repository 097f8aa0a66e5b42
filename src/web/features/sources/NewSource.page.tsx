import { Anchor, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { SourceFields, useSourceForm } from './SourceForm.js';
import { type SourceFormValues, sourceFieldOf, toBody } from './source-form.js';
import { useCreateSource } from './sources.api.js';

/** Adds a source or a press article to the register (secretariat). */
export function NewSourcePage() {
  const { t } = useTranslation('sources');
  const navigate = useNavigate();
  const form = useSourceForm();
  const create = useCreateSource();
  const submission = useFormSubmission(form, {
    record: 'source',
    fieldOf: (path) => sourceFieldOf(form.getValues())(path),
  });
  const submit = (values: SourceFormValues) =>
    submission.send(create, toBody(values), (source) => {
      notifications.show({ color: 'green', message: t('form.added') });
      navigate(`/sources#${source.id}`);
    });
  return (
    <Stack gap="lg">
      <PageTitle title={t('form.newTitle')} />
      <Anchor component={Link} to="/sources" size="sm">
        {t('form.back')}
      </Anchor>
      <Title order={1}>{t('form.newTitle')}</Title>
      <SourceFields
        form={form}
        submitting={create.isPending}
        submitLabel={t('form.add')}
        banner={submission.banner}
        onSubmit={submit}
        onCancel={() => navigate('/sources')}
      />
    </Stack>
  );
}
