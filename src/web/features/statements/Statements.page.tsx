import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isOneOf, STATEMENT_KINDS, STATEMENT_STATUSES } from '../../../shared/enums.js';
import type { StatementSummary } from '../../../shared/statements.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { LocalizedTitle } from '../../components/LocalizedTitle.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useSearchFilter } from '../../components/useSearchFilter.js';
import { useEnumOptions } from '../../i18n/enums.js';
import { useFormat } from '../../i18n/format.js';
import { canUseSecretariat, useMe } from '../auth/auth.api.js';
import { StatementStatusBadge } from './StatementBadges.js';
import { titlesOf } from './statement-title.js';
import { type StatementsFilter, useStatements } from './statements.api.js';

/** The filter kept in the address (`?status=adopted&kind=communique`); anything else is no filter. */
function readFilter(params: URLSearchParams): StatementsFilter {
  const status = params.get('status');
  const kind = params.get('kind');
  return {
    status: isOneOf(STATEMENT_STATUSES, status) ? status : null,
    kind: isOneOf(STATEMENT_KINDS, kind) ? kind : null,
  };
}

/** Where a statement stands: its decision once adopted, its deadline while circulated. */
function StandingCell({ statement }: { statement: StatementSummary }) {
  const { t } = useTranslation('statements');
  const f = useFormat();
  if (statement.decisionNumber && statement.adoptedOn) {
    return (
      <Text size="sm">
        {t('list.decision', { date: f.date(statement.adoptedOn) })} <bdi>{statement.decisionNumber}</bdi>
      </Text>
    );
  }
  if (statement.deadline) return <Text size="sm">{t('list.until', { at: f.dateTime(statement.deadline) })}</Text>;
  return null;
}

/** The statements the reader may see: the public, the adopted public ones; members and the secretariat, more. */
export function StatementsPage() {
  const { t } = useTranslation(['statements', 'enums']);
  const [params, setFilter] = useSearchFilter<keyof StatementsFilter>();
  const filter = readFilter(params);
  const me = useMe().data;
  const statements = useStatements(filter);
  const statuses = useEnumOptions('statementStatus', STATEMENT_STATUSES);
  const kinds = useEnumOptions('statementKind', STATEMENT_KINDS);
  return (
    <Stack gap="lg">
      <PageTitle title={t('list.title')} />
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('list.title')}</Title>
          <Text c="dimmed">{me ? t('list.introSignedIn') : t('list.introPublic')}</Text>
        </Stack>
        <Group gap="sm">
          <Button component={Link} to="/decisions" variant="default">
            {t('decisions.title')}
          </Button>
          {canUseSecretariat(me) ? (
            <Button component={Link} to="/secretariat/statements/new">
              {t('list.new')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} role="search" aria-label={t('list.filters')}>
        {me ? (
          <NativeSelect
            label={t('list.status')}
            data={[{ value: '', label: t('list.allStatuses') }, ...statuses]}
            value={filter.status ?? ''}
            onChange={(e) => setFilter('status', e.currentTarget.value)}
          />
        ) : null}
        <NativeSelect
          label={t('list.kind')}
          data={[{ value: '', label: t('list.allKinds') }, ...kinds]}
          value={filter.kind ?? ''}
          onChange={(e) => setFilter('kind', e.currentTarget.value)}
        />
      </SimpleGrid>
      {statements.isPending ? <Loading label={t('list.loading')} /> : null}
      {statements.isError ? <ErrorAlert error={statements.error} onRetry={() => statements.refetch()} /> : null}
      {statements.data && statements.data.length === 0 ? (
        <Paper withBorder p="md">
          <Text>{filter.status || filter.kind ? t('list.noneFiltered') : t('list.none')}</Text>
        </Paper>
      ) : null}
      {statements.data && statements.data.length > 0 ? (
        <Table.ScrollContainer minWidth={320} type="native">
          <Table striped highlightOnHover verticalSpacing="xs" captionSide="top">
            <Table.Caption ta="start">{t('list.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.statement')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('list.kind')}</Table.Th>
                <Table.Th>{t('list.status')}</Table.Th>
                <Table.Th visibleFrom="xs">{t('list.standing')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {statements.data.map((s) => (
                <Table.Tr key={s.id} data-statement={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/statements/${s.id}`} fw={600}>
                      <LocalizedTitle
                        title={s.title}
                        titleTranslations={titlesOf(s.translations)}
                        language={s.language}
                      />
                    </Anchor>
                    {s.visibility !== 'public' ? (
                      <Badge ms="xs" size="sm" variant="outline" color="grape">
                        {t(`enums:visibility.${s.visibility}`)}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{t(`enums:statementKind.${s.kind}`)}</Table.Td>
                  <Table.Td>
                    <StatementStatusBadge status={s.status} />
                  </Table.Td>
                  <Table.Td visibleFrom="xs">
                    <StandingCell statement={s} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
