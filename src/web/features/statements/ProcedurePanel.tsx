import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/auth.js';
import type { CirculatedMember, ProcedureSummary, Statement } from '../../../shared/statements.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { useFormat } from '../../i18n/format.js';
import { canUseSecretariat } from '../auth/auth.api.js';
import { useMemberName } from '../members/member-name.js';
import { Countdown } from './Countdown.js';
import { dateTimeIn, readerZone } from './deadline.js';
import { ExtendForm, RespondForm, WithdrawForm } from './ProcedureForms.js';
import { ProcedureStatusBadge } from './StatementBadges.js';
import { statementsKey, useProcedure } from './statements.api.js';

/** A member's answer in a row: silent, broke silence, endorsed, not (yet) endorsed. */
function ResponseCell({ kind, entry }: { kind: ProcedureSummary['kind']; entry: CirculatedMember }) {
  const { t } = useTranslation('statements');
  const response = entry.response?.response;
  if (response === 'break')
    return (
      <Badge color="red" variant="light">
        {t('responses.broke')}
      </Badge>
    );
  if (response === 'endorse')
    return (
      <Badge color="green" variant="light">
        {t('responses.endorsed')}
      </Badge>
    );
  return (
    <Badge color="gray" variant="outline">
      {kind === 'silence' ? t('responses.silent') : t('responses.notEndorsed')}
    </Badge>
  );
}

/** Every member circulated, with their latest answer: reason, paragraph, proposed wording, who and when. */
function ResponsesTable({ kind, members }: { kind: ProcedureSummary['kind']; members: CirculatedMember[] }) {
  const { t } = useTranslation('statements');
  const f = useFormat();
  const memberName = useMemberName();
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table verticalSpacing="xs" captionSide="top" data-responses>
        <Table.Caption ta="start">{t('responses.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('responses.member')}</Table.Th>
            <Table.Th>{t('responses.response')}</Table.Th>
            <Table.Th>{t('responses.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((entry) => (
            <Table.Tr key={entry.member.code} data-member={entry.member.code}>
              <Table.Td>
                {memberName(entry.member)} (<bdi>{entry.member.code}</bdi>)
              </Table.Td>
              <Table.Td>
                <ResponseCell kind={kind} entry={entry} />
              </Table.Td>
              <Table.Td>
                {entry.response ? (
                  <Stack gap={4}>
                    {entry.response.reason ? (
                      <Text size="sm">
                        <Trans
                          t={t}
                          i18nKey="responses.reason"
                          values={{ reason: entry.response.reason }}
                          components={{ words: <bdi /> }}
                        />
                      </Text>
                    ) : null}
                    {entry.response.paragraph !== null ? (
                      <Text size="sm">
                        <Anchor href={`#paragraph-${entry.response.paragraph}`}>
                          {t('responses.paragraph', { number: f.number(entry.response.paragraph) })}
                        </Anchor>
                      </Text>
                    ) : null}
                    {entry.response.proposedText ? (
                      <Paper withBorder p="xs" className="proposed-text">
                        <Text size="xs" c="dimmed">
                          {t('responses.proposed')}
                        </Text>
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap', unicodeBidi: 'plaintext' }}>
                          {entry.response.proposedText}
                        </Text>
                      </Paper>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      <Trans
                        t={t}
                        i18nKey="responses.byAt"
                        values={{ name: entry.response.byName ?? '—', at: f.dateTime(entry.response.at) }}
                        components={{ name: <bdi /> }}
                      />
                    </Text>
                  </Stack>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * A procedure as its round stands: status, deadline (in the reader's zone and the procedure's),
 * the countdown while open, the members' answers, and what the reader may do: the secretariat
 * extends or withdraws it, a circulated member's focal point breaks silence or endorses.
 */
export function ProcedurePanel({
  summary,
  statement,
  me,
  round,
}: {
  summary: ProcedureSummary;
  statement: Statement;
  me: Me | null | undefined;
  round: number;
}) {
  const { t } = useTranslation(['statements', 'enums']);
  const f = useFormat();
  const queryClient = useQueryClient();
  const procedure = useProcedure(summary.id);
  const [action, setAction] = useState<'extend' | 'withdraw' | null>(null);
  // At the deadline the server (its clock decides) has settled it: read it all again.
  const reread = useCallback(() => void queryClient.invalidateQueries({ queryKey: statementsKey }), [queryClient]);
  const open = summary.status === 'open';
  const secretariat = canUseSecretariat(me);
  const myEntry =
    me?.role === 'focal_point' ? procedure.data?.members.find((m) => m.member.code === me.memberCode) : undefined;
  const zone = readerZone();

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={`procedure-${summary.id}`}
      data-procedure={summary.id}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Title order={3} size="h4" id={`procedure-${summary.id}`}>
            {t('procedure.round', {
              number: f.number(round),
              kind: t(`enums:procedureKind.${summary.kind}`),
              version: f.number(summary.textVersion),
            })}
          </Title>
          <ProcedureStatusBadge status={summary.status} />
        </Group>
        <Stack gap={2}>
          <Text>
            <Trans
              t={t}
              i18nKey="procedure.deadlineYours"
              values={{ at: f.dateTime(summary.deadline), zone }}
              components={{ zone: <bdi /> }}
            />
          </Text>
          {summary.timeZone !== zone ? (
            <Text size="sm" c="dimmed">
              <Trans
                t={t}
                i18nKey="procedure.deadlineIn"
                values={{ at: dateTimeIn(summary.deadline, summary.timeZone, f.locale), zone: summary.timeZone }}
                components={{ zone: <bdi /> }}
              />
            </Text>
          ) : null}
          {open ? <Countdown deadline={summary.deadline} onOver={reread} /> : null}
          {summary.endedAt ? (
            <Text size="sm" c="dimmed">
              {t('procedure.endedAt', { at: f.dateTime(summary.endedAt) })}
            </Text>
          ) : null}
          {summary.reason ? (
            <Text size="sm">
              <Trans
                t={t}
                i18nKey="procedure.reason"
                values={{ reason: summary.reason }}
                components={{ words: <bdi /> }}
              />
            </Text>
          ) : null}
        </Stack>

        {open && secretariat ? (
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={() => setAction(action === 'extend' ? null : 'extend')}>
              {t('procedure.extend.open')}
            </Button>
            <Button
              size="xs"
              variant="light"
              color="red"
              onClick={() => setAction(action === 'withdraw' ? null : 'withdraw')}
            >
              {t('procedure.withdraw.open')}
            </Button>
          </Group>
        ) : null}
        {open && secretariat && action === 'extend' ? (
          <ExtendForm procedure={summary} onDone={() => setAction(null)} />
        ) : null}
        {open && secretariat && action === 'withdraw' ? (
          <WithdrawForm procedure={summary} onDone={() => setAction(null)} />
        ) : null}

        {open && myEntry && procedure.data ? (
          <RespondForm procedure={procedure.data} entry={myEntry} statementId={statement.id} />
        ) : null}

        {procedure.isPending ? <Loading label={t('responses.loading')} /> : null}
        {procedure.isError ? <ErrorAlert error={procedure.error} onRetry={() => procedure.refetch()} /> : null}
        {procedure.data ? <ResponsesTable kind={summary.kind} members={procedure.data.members} /> : null}
      </Stack>
    </Paper>
  );
}
