import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { LocalName, useMemberRefName } from './names.js';
import { useLinesOfEffort, useWorkingGroups } from './progress.api.js';

/** Every working group with its line of effort and the members co-leading it today. */
export function WorkingGroupsPage() {
  const { t } = useTranslation('progress');
  const f = useFormat();
  const memberName = useMemberRefName();
  const groups = useWorkingGroups();
  const lines = useLinesOfEffort();
  const lineOf = (key: string | null) => (lines.data ?? []).find((l) => l.key === key);
  return (
    <Stack gap="lg">
      <PageTitle title={t('groups.title')} />
      <Stack gap={4}>
        <Anchor component={Link} to="/lines-of-effort" size="sm">
          {t('line.back')}
        </Anchor>
        <Title order={1}>{t('groups.title')}</Title>
        <Text c="dimmed">{t('groups.intro')}</Text>
      </Stack>
      {groups.isPending ? <Loading label={t('groups.loading')} /> : null}
      {groups.isError ? <ErrorAlert error={groups.error} onRetry={() => groups.refetch()} /> : null}
      {groups.data ? (
        <Table.ScrollContainer minWidth={520} type="native">
          <Table striped verticalSpacing="xs" captionSide="top">
            <Table.Caption ta="start">{t('groups.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('groups.name')}</Table.Th>
                <Table.Th scope="col">{t('groups.line')}</Table.Th>
                <Table.Th scope="col">{t('groups.coLeads')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.data.map((group) => {
                const line = lineOf(group.lineOfEffort);
                const leads = group.offices.filter((o) => o.role === 'co_lead' && o.current);
                return (
                  <Table.Tr key={group.id} data-group={group.key}>
                    <Table.Th scope="row" fw={500}>
                      <LocalName names={group.names} />
                    </Table.Th>
                    <Table.Td>
                      {line ? (
                        <Anchor component={Link} to={`/lines-of-effort/${encodeURIComponent(line.key)}`}>
                          <LocalName names={line.names} />
                        </Anchor>
                      ) : (
                        t('groups.allLines')
                      )}
                    </Table.Td>
                    <Table.Td>
                      {leads.length > 0
                        ? // A holder the note names is in English: isolated, so that an Arabic list keeps its order.
                          f.list(leads.map((o) => (o.member ? memberName(o.member) : `\u2068${o.note ?? ''}\u2069`)))
                        : t('lines.noLeads')}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
