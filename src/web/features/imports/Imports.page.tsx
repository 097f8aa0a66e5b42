import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportQuery, ImportJob, ImportKind, RowError } from '../../../shared/imports.js';
import type { FieldErrorCode } from '../../../shared/problem.js';
import { isApiError } from '../../app/api.js';
import { fieldMessage, useFormT } from '../../components/form-errors.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { problemMessage } from '../../i18n/problem.js';
import { canUseSecretariat, useMe } from '../auth/auth.api.js';
import { exportHref, uploadImport, useImportProgress } from './imports.api.js';

const KINDS: ImportKind[] = ['values', 'pledges'];

/** Download links of one kind of file, CSV and XLSX, with the filters given: the template of an import. */
export function ExportLinks({ kind, filters = {} }: { kind: ImportKind; filters?: ExportQuery }) {
  const { t } = useTranslation('imports');
  return (
    <Group gap="sm">
      <Anchor href={exportHref(kind, 'csv', filters)} download>
        {t('export.csv', { kind: t(`kind.${kind}`) })}
      </Anchor>
      <Anchor href={exportHref(kind, 'xlsx', filters)} download>
        {t('export.xlsx', { kind: t(`kind.${kind}`) })}
      </Anchor>
    </Group>
  );
}

function ExportPanel() {
  const { t } = useTranslation('imports');
  const [kind, setKind] = useState<ImportKind>('values');
  const [filters, setFilters] = useState<ExportQuery>({});
  const field = (name: keyof ExportQuery) => (
    <TextInput
      label={t(`filter.${name}`)}
      value={filters[name] ?? ''}
      onChange={(e) => setFilters({ ...filters, [name]: e.currentTarget.value.trim() || undefined })}
    />
  );
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h3">
          {t('export.title')}
        </Title>
        <Text size="sm">{t('export.intro')}</Text>
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as ImportKind)}
          data={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          aria-label={t('kindLabel')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {kind === 'values' && field('period')}
          {kind === 'values' && field('indicator')}
          {field('member')}
          {field('lineOfEffort')}
        </SimpleGrid>
        <ExportLinks
          kind={kind}
          filters={kind === 'values' ? filters : { member: filters.member, lineOfEffort: filters.lineOfEffort }}
        />
      </Stack>
    </Paper>
  );
}

/** The bad rows of a refused file: line, column and why, in the reader's words. */
function BadRows({ errors, count }: { errors: RowError[]; count: number }) {
  const { t } = useTranslation('imports');
  const formT = useFormT();
  return (
    <Stack gap="xs">
      <Alert color="red" title={t('failed.title')}>
        {t('failed.body', { count })}
      </Alert>
      <Table striped withTableBorder aria-label={t('failed.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('failed.line')}</Table.Th>
            <Table.Th>{t('failed.column')}</Table.Th>
            <Table.Th>{t('failed.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e) => (
            <Table.Tr key={`${e.line} ${e.column} ${e.code}`}>
              <Table.Td>{e.line}</Table.Td>
              <Table.Td>
                <bdi>{e.column ?? ''}</bdi>
              </Table.Td>
              <Table.Td>
                {fieldMessage(formT, {
                  in: 'body',
                  path: e.column ?? '',
                  code: e.code as FieldErrorCode,
                  message: e.message,
                  params: e.params,
                })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {count > errors.length && <Text size="sm">{t('failed.more', { count: count - errors.length })}</Text>}
    </Stack>
  );
}

function ImportPanel() {
  const { t } = useTranslation('imports');
  const { t: common } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('values');
  const [file, setFile] = useState<File | null>(null);
  const [id, setId] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [uploaded, setUploaded] = useState(0);
  const [result, setResult] = useState<ImportJob | null>(null);
  const [bad, setBad] = useState<{ errors: RowError[]; count: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const progress = useImportProgress(id, running);

  const start = async () => {
    if (!file) return;
    const importId = crypto.randomUUID();
    setId(importId);
    setRunning(true);
    setUploaded(0);
    setResult(null);
    setBad(null);
    setFailure(null);
    try {
      setResult(await uploadImport({ id: importId, kind, file }, setUploaded));
      await queryClient.invalidateQueries();
    } catch (error) {
      const rows = isApiError(error, 400) ? error.fieldErrors.filter((e) => e.path.startsWith('rows.')) : [];
      if (rows.length > 0) {
        const job = await queryClient.fetchQuery({
          queryKey: ['imports', importId, 'final'],
          queryFn: () => fetch(`/api/v1/imports/${importId}`).then((r) => r.json() as Promise<ImportJob>),
        });
        setBad({ errors: job.errors, count: job.errorCount });
      } else setFailure(problemMessage(common, error));
    } finally {
      setRunning(false);
    }
  };

  const job = progress.data;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h3">
          {t('import.title')}
        </Title>
        <Text size="sm">{t('import.intro')}</Text>
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as ImportKind)}
          data={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          aria-label={t('kindLabel')}
        />
        <FileInput
          label={t('import.file')}
          placeholder={t('import.choose')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={setFile}
          clearable
        />
        <Group>
          <Button onClick={start} disabled={!file || running} loading={running}>
            {t('import.submit')}
          </Button>
        </Group>
        {running && (
          <Stack gap={4} aria-live="polite">
            <Text size="sm">{t('import.uploading', { percent: Math.round(uploaded * 100) })}</Text>
            <Progress value={uploaded * 100} aria-label={t('import.uploadProgress')} />
            {job && (
              <Text size="sm">
                {t(`status.${job.status}`)} · {t('import.rows', { read: job.rowsRead, written: job.rowsWritten })}
              </Text>
            )}
            {job?.rowsTotal ? (
              <Progress value={(job.rowsWritten / job.rowsTotal) * 100} aria-label={t('import.writeProgress')} />
            ) : null}
          </Stack>
        )}
        {result && (
          <Alert color="green" title={t('done.title')}>
            {t('done.body', {
              count: result.rowsRead,
              created: result.rowsCreated ?? 0,
              updated: result.rowsUpdated ?? 0,
            })}
          </Alert>
        )}
        {bad && <BadRows errors={bad.errors} count={bad.count} />}
        {failure && <Alert color="red">{failure}</Alert>}
      </Stack>
    </Paper>
  );
}

/** `/imports`: export files (anyone), import them back (the secretariat and focal points). */
export function ImportsPage() {
  const { t } = useTranslation('imports');
  const me = useMe();
  if (me.isPending) return <Loading />;
  const mayImport = canUseSecretariat(me.data) || (me.data?.role === 'focal_point' && me.data.memberCode !== null);
  return (
    <Stack>
      <PageTitle title={t('title')} />
      <Title order={1}>{t('title')}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {mayImport ? <ImportPanel /> : <Alert>{t('import.notAllowed')}</Alert>}
        <ExportPanel />
      </SimpleGrid>
    </Stack>
  );
}
