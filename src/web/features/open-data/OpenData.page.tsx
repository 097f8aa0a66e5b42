import { Anchor, Code, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DatasetInfo } from '../../../shared/open-data.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { useAuditHead, useOpenDataCatalog } from './open-data.api.js';

/** A dataset: what it holds, its two downloads, and its columns (the names never change once published). */
function DatasetSection({ dataset }: { dataset: DatasetInfo }) {
  const { t } = useTranslation('openData');
  const headingId = `dataset-${dataset.name}`;
  const name = t(`datasets.${dataset.name}.name`);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} id={headingId}>
          {name}
        </Title>
        <Text>{t(`datasets.${dataset.name}.description`)}</Text>
        <Group gap="md">
          <Anchor href={dataset.csv} download aria-label={t('downloadCsvOf', { name })}>
            {t('csv')}
          </Anchor>
          <Anchor href={dataset.json} download aria-label={t('downloadJsonOf', { name })}>
            {t('json')}
          </Anchor>
        </Group>
        <Table.ScrollContainer minWidth={520}>
          <Table striped withTableBorder captionSide="top">
            <Table.Caption>{t('columnsOf', { name })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('column.name')}</Table.Th>
                <Table.Th scope="col">{t('column.type')}</Table.Th>
                <Table.Th scope="col">{t('column.description')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dataset.columns.map((column) => (
                <Table.Tr key={column.name}>
                  <Table.Td>
                    <Code dir="ltr">{column.name}</Code>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`type.${column.type}`)}</Table.Td>
                  {/* The API documents its columns in English: marked so, for screen readers. */}
                  <Table.Td lang="en" dir="ltr">
                    {column.description}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

/**
 * The audit chain's head, for an outsider to note: asked again later at the same event, the hash
 * must be the same, or history up to it was rewritten.
 */
function AuditFingerprint() {
  const { t } = useTranslation('openData');
  const format = useFormat();
  const head = useAuditHead();
  const data = head.data;
  return (
    <Stack gap="xs" component="section" aria-labelledby="open-data-audit">
      <Title order={2} id="open-data-audit">
        {t('audit.title')}
      </Title>
      <Text>{t('audit.intro')}</Text>
      {head.isError ? (
        <ErrorAlert error={head.error} title={t('audit.notLoaded')} onRetry={() => head.refetch()} />
      ) : null}
      {data && data.seq === 0 ? <Text>{t('audit.empty')}</Text> : null}
      {data && data.seq > 0 ? (
        <>
          <Table withTableBorder variant="vertical" data-testid="audit-head">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('audit.event')}</Table.Th>
                <Table.Td>{format.number(data.seq)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('audit.hash')}</Table.Th>
                <Table.Td>
                  <Code dir="ltr" style={{ overflowWrap: 'anywhere' }}>
                    {data.hash}
                  </Code>
                </Table.Td>
              </Table.Tr>
              {data.at ? (
                <Table.Tr>
                  <Table.Th scope="row">{t('audit.at')}</Table.Th>
                  <Table.Td>{format.dateTime(data.at)}</Table.Td>
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
          <Text>
            {t('audit.check')}{' '}
            <Anchor href={`/api/v1/audit/chain/${data.seq}`}>
              {t('audit.checkLink', { seq: format.number(data.seq) })}
            </Anchor>
          </Text>
        </>
      ) : null}
    </Stack>
  );
}

/** The public data page: every dataset to download, the feed, the calendar and the API. */
export function OpenDataPage() {
  const { t } = useTranslation('openData');
  const catalog = useOpenDataCatalog();
  const feed = (name: string) => catalog.data?.feeds.find((f) => f.name === name)?.url;
  return (
    <Stack gap="lg">
      <PageTitle title={t('title')} />
      <Stack gap={4}>
        <Title order={1}>{t('title')}</Title>
        <Text>{t('intro')}</Text>
        <Text c="dimmed">{t('formats')}</Text>
      </Stack>
      {catalog.isPending ? <Loading label={t('loading')} /> : null}
      {catalog.isError ? (
        <ErrorAlert error={catalog.error} title={t('notLoaded')} onRetry={() => catalog.refetch()} />
      ) : null}
      {catalog.data ? (
        <>
          <Stack gap="xs" component="section" aria-labelledby="open-data-feeds">
            <Title order={2} id="open-data-feeds">
              {t('feeds.title')}
            </Title>
            <List spacing="xs">
              <List.Item>
                <Anchor href={feed('statements')}>{t('feeds.atom')}</Anchor> — {t('feeds.atomHint')}
              </List.Item>
              <List.Item>
                <Anchor href={feed('calendar')}>{t('feeds.calendar')}</Anchor> — {t('feeds.calendarHint')}
              </List.Item>
              <List.Item>
                <Anchor href={feed('openapi')}>{t('feeds.openapi')}</Anchor> — {t('feeds.openapiHint')}{' '}
                <Anchor href="/api/docs">{t('feeds.apiReference')}</Anchor>
              </List.Item>
            </List>
          </Stack>
          <AuditFingerprint />
          <Stack gap="md" component="section" aria-labelledby="open-data-datasets">
            <Title order={2} id="open-data-datasets">
              {t('datasetsTitle')}
            </Title>
            {catalog.data.datasets.map((dataset) => (
              <DatasetSection key={dataset.name} dataset={dataset} />
            ))}
          </Stack>
        </>
      ) : null}
    </Stack>
  );
}
