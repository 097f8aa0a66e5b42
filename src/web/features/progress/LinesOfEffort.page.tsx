import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { LocalName, useMemberRefName } from './names.js';
import { useLinesOfEffort } from './progress.api.js';

/** The coalition's lines of effort: number, name, what each covers, who co-leads it today. */
export function LinesOfEffortPage() {
  const { t } = useTranslation('progress');
  const f = useFormat();
  const memberName = useMemberRefName();
  const lines = useLinesOfEffort();
  return (
    <Stack gap="lg">
      <PageTitle title={t('lines.title')} />
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('lines.title')}</Title>
          <Text c="dimmed">{t('lines.intro')}</Text>
        </Stack>
        <Button component={Link} to="/working-groups" variant="default">
          {t('groups.title')}
        </Button>
      </Group>
      {lines.isPending ? <Loading label={t('lines.loading')} /> : null}
      {lines.isError ? <ErrorAlert error={lines.error} onRetry={() => lines.refetch()} /> : null}
      {lines.data && lines.data.length === 0 ? <Text>{t('lines.none')}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {(lines.data ?? []).map((line) => (
          <Paper key={line.id} withBorder p="md" component="article" aria-labelledby={`line-${line.key}`}>
            <Stack gap="xs">
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <Badge size="lg" variant="filled" circle aria-hidden>
                  {f.number(line.number)}
                </Badge>
                <Title order={2} size="h4" id={`line-${line.key}`}>
                  <Anchor component={Link} to={`/lines-of-effort/${encodeURIComponent(line.key)}`}>
                    <VisuallyHidden>{t('lines.number', { number: f.number(line.number) })} </VisuallyHidden>
                    <LocalName names={line.names} />
                  </Anchor>
                </Title>
              </Group>
              {line.summary ? (
                // The summaries are the data file's, in English.
                <Text size="sm" lang="en" dir="auto">
                  {line.summary}
                </Text>
              ) : null}
              <Text size="sm">
                <Text span fw={600}>
                  {t('lines.leads')}
                </Text>{' '}
                {line.leads.length > 0 ? f.list(line.leads.map(memberName)) : t('lines.noLeads')}
              </Text>
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
