import { Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/auth.js';
import type { Statement } from '../../../shared/statements.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { useFormat } from '../../i18n/format.js';
import { canUseSecretariat } from '../auth/auth.api.js';
import { CirculateForm } from './CirculateForm.js';
import { DiffView } from './DiffView.js';
import { ProcedurePanel } from './ProcedurePanel.js';
import { StatementText } from './StatementText.js';
import { useTextVersion } from './statements.api.js';
import { AddVersionForm, AdoptAtMeetingForm } from './VersionForms.js';

/** Every version, newest last; the one chosen shown with its numbered paragraphs. */
function Versions({ statement, me }: { statement: Statement; me: Me | null | undefined }) {
  const { t } = useTranslation('statements');
  const f = useFormat();
  const versions = statement.versions;
  const [shown, setShown] = useState<number | null>(null);
  const number = shown ?? versions[versions.length - 1]?.number ?? null;
  const version = useTextVersion(statement.id, number);
  const [adding, setAdding] = useState(false);
  const canAdd = canUseSecretariat(me) && (statement.status === 'draft' || statement.status === 'in_procedure');

  return (
    <Stack gap="sm" component="section" aria-labelledby="versions-heading">
      <Title order={2} size="h3" id="versions-heading">
        {t('versions.title')}
      </Title>
      {versions.length === 0 ? <Text c="dimmed">{t('versions.none')}</Text> : null}
      {versions.length > 0 ? (
        <Table.ScrollContainer minWidth={480} type="native">
          <Table verticalSpacing="xs" data-versions>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('versions.version')}</Table.Th>
                <Table.Th>{t('versions.when')}</Table.Th>
                <Table.Th>{t('versions.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.map((v) => (
                <Table.Tr key={v.number} data-version={v.number}>
                  <Table.Td>
                    {t('versions.number', { number: f.number(v.number) })}
                    {v.circulated ? (
                      <Badge ms="xs" size="sm" variant="outline">
                        {t('versions.circulated')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Trans
                      t={t}
                      i18nKey="versions.byAt"
                      values={{ name: v.authorName ?? '—', at: f.dateTime(v.createdAt) }}
                      components={{ name: <bdi /> }}
                    />
                  </Table.Td>
                  <Table.Td>{v.note ? <bdi>{v.note}</bdi> : null}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {versions.length > 1 ? (
        <NativeSelect
          label={t('versions.show')}
          maw={240}
          data={versions.map((v) => ({
            value: String(v.number),
            label: t('versions.number', { number: f.number(v.number) }),
          }))}
          value={number === null ? '' : String(number)}
          onChange={(e) => setShown(Number(e.currentTarget.value))}
        />
      ) : null}
      {version.isPending && number !== null ? <Loading label={t('versions.loading')} /> : null}
      {version.isError ? <ErrorAlert error={version.error} onRetry={() => version.refetch()} /> : null}
      {version.data ? (
        <Paper withBorder p="md" aria-label={t('versions.number', { number: f.number(version.data.number) })}>
          <StatementText paragraphs={version.data.paragraphs} language={statement.language} />
        </Paper>
      ) : null}
      {canAdd && !adding ? (
        <Group>
          <Button variant="light" onClick={() => setAdding(true)}>
            {t('versions.add')}
          </Button>
        </Group>
      ) : null}
      {canAdd && adding ? (
        <AddVersionForm statement={statement} initialText={version.data?.text ?? ''} onDone={() => setAdding(false)} />
      ) : null}
    </Stack>
  );
}

/**
 * The statement's workspace, for the secretariat and the members it was circulated to: the
 * versions, the diff between any two, each round's procedure with the members' answers, and the
 * secretariat's next steps (circulate, adopt at a meeting).
 */
export function Workspace({ statement, me }: { statement: Statement; me: Me | null | undefined }) {
  const { t } = useTranslation('statements');
  const [action, setAction] = useState<'circulate' | 'adopt' | null>(null);
  const secretariat = canUseSecretariat(me);
  // Oldest first; a new round always circulates a newer version, which orders two opened at one instant.
  const rounds = [...statement.procedures].sort(
    (a, b) => a.openedAt.localeCompare(b.openedAt) || a.textVersion - b.textVersion,
  );
  return (
    <Stack gap="xl">
      <Versions statement={statement} me={me} />
      {statement.versions.length > 1 ? (
        <DiffView statementId={statement.id} versions={statement.versions} language={statement.language} />
      ) : null}
      <Stack gap="sm" component="section" aria-labelledby="procedures-heading">
        <Title order={2} size="h3" id="procedures-heading">
          {t('procedure.title')}
        </Title>
        {rounds.length === 0 ? <Text c="dimmed">{t('procedure.none')}</Text> : null}
        {[...rounds].reverse().map((p) => (
          <ProcedurePanel key={p.id} summary={p} statement={statement} me={me} round={rounds.indexOf(p) + 1} />
        ))}
        {secretariat && statement.status === 'draft' ? (
          action === null ? (
            <Group gap="sm">
              <Button onClick={() => setAction('circulate')} disabled={statement.versions.length === 0}>
                {t('circulate.open')}
              </Button>
              <Button variant="default" onClick={() => setAction('adopt')} disabled={statement.versions.length === 0}>
                {t('adopt.open')}
              </Button>
            </Group>
          ) : action === 'circulate' ? (
            <CirculateForm statement={statement} onDone={() => setAction(null)} />
          ) : (
            <AdoptAtMeetingForm statement={statement} onDone={() => setAction(null)} />
          )
        ) : null}
      </Stack>
    </Stack>
  );
}
