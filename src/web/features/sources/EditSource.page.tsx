import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Source } from '../../../shared/sources.js';
import { isApiError } from '../../app/api.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { refill } from '../../components/form-values.js';
import { Loading } from '../../components/Loading.js';
import { NotFoundPage } from '../../components/NotFound.page.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { SourceFields, useSourceForm } from './SourceForm.js';
import { type SourceFormValues, sourceFieldOf, toBody, toFormValues } from './source-form.js';
import { useDeleteSource, useSource, useUpdateSource } from './sources.api.js';

function EditSourceForm({ source, reload }: { source: Source; reload: () => Promise<Source | undefined> }) {
  const { t } = useTranslation('sources');
  const navigate = useNavigate();
  // The version this form was filled from: the change is based on it, whatever was read since.
  const [base, setBase] = useState(source);
  const [confirming, setConfirming] = useState(false);
  const form = useSourceForm(toFormValues(source));
  const update = useUpdateSource(source.id);
  const remove = useDeleteSource(source.id);
  const submission = useFormSubmission(form, {
    record: 'source',
    fieldOf: (path) => sourceFieldOf(form.getValues())(path),
    reload: async () => {
      const fresh = await reload();
      if (!fresh) return false;
      setBase(fresh);
      refill(form, toFormValues(fresh));
      return true;
    },
  });
  const submit = (values: SourceFormValues) =>
    submission.send(update, { version: base.version, body: toBody(values) }, (saved) => {
      notifications.show({ color: 'green', message: t('form.saved') });
      navigate(`/sources#${saved.id}`);
    });
  const confirmDelete = () => {
    setConfirming(false);
    submission.send(remove, { version: base.version }, () => {
      notifications.show({ color: 'green', message: t('form.deleted') });
      navigate('/sources');
    });
  };
  return (
    <Stack gap="md">
      <SourceFields
        form={form}
        submitting={update.isPending}
        submitLabel={t('form.save')}
        banner={submission.banner}
        onSubmit={submit}
        onCancel={() => navigate(`/sources#${source.id}`)}
      />
      <Group>
        <Button color="red" variant="light" onClick={() => setConfirming(true)} loading={remove.isPending}>
          {t('form.delete')}
        </Button>
      </Group>
      <Dialog opened={confirming} onClose={() => setConfirming(false)} title={t('form.deleteTitle')}>
        <Stack gap="md">
          <Text>{t('form.deleteText', { title: base.title })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('form.keep')}
            </Button>
            <Button color="red" onClick={confirmDelete}>
              {t('form.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Stack>
  );
}

/** Changes or removes an entry of the register (secretariat). */
export function EditSourcePage() {
  const { t } = useTranslation('sources');
  const id = useParams().id ?? '';
  // Read afresh, not from the cache: a form filled from an old version could only end in a 409.
  const source = useSource(id, { fresh: true });
  if (source.isPending || (source.isFetching && !source.isFetchedAfterMount)) {
    return <Loading label={t('loading')} />;
  }
  if (source.isError) {
    if (isApiError(source.error, 404) || isApiError(source.error, 400))
      return <NotFoundPage title={t('form.notFound')} />;
    return <ErrorAlert error={source.error} onRetry={() => source.refetch()} />;
  }
  return (
    <Stack gap="lg">
      <PageTitle title={t('form.editTitle')} />
      <Anchor component={Link} to={`/sources#${source.data.id}`} size="sm">
        {t('form.back')}
      </Anchor>
      <Title order={1}>{t('form.editTitle')}</Title>
      <EditSourceForm source={source.data} reload={async () => (await source.refetch()).data} />
    </Stack>
  );
}
