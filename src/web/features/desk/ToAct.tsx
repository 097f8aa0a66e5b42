import { Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../shared/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { LocalizedTitle } from '../../components/LocalizedTitle.js';
import { useFormat } from '../../i18n/format.js';
import { Countdown } from '../statements/Countdown.js';
import { titlesOf } from '../statements/statement-title.js';
import { useStatements, useToAct } from '../statements/statements.api.js';

/** The focal point's member's open procedures, soonest deadline first, with the answer given so far. */
function FocalPointToAct() {
  const { t } = useTranslation(['statements', 'enums']);
  const f = useFormat();
  const list = useToAct(true);
  if (list.isPending) return <Loading label={t('toAct.loading')} />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => list.refetch()} />;
  if (list.data.length === 0) return <Text c="dimmed">{t('toAct.none')}</Text>;
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={560} type="native">
        <Table verticalSpacing="xs" data-to-act>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('toAct.statement')}</Table.Th>
              <Table.Th>{t('toAct.deadline')}</Table.Th>
              <Table.Th>{t('toAct.answer')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((item) => (
              <Table.Tr key={`${item.id}-${item.memberCode}`} data-procedure={item.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/statements/${item.statementId}`}>
                    <LocalizedTitle
                      title={item.statementTitle}
                      titleTranslations={titlesOf(item.statementTranslations)}
                      language={item.statementLanguage}
                    />
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t(`enums:procedureKind.${item.kind}`)} · <bdi>{item.memberCode}</bdi>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{f.dateTime(item.deadline)}</Text>
                  <Text size="sm">
                    <Countdown deadline={item.deadline} onOver={() => void list.refetch()} />
                  </Text>
                </Table.Td>
                <Table.Td>
                  {item.response?.response === 'break' ? (
                    <Badge color="red" variant="light">
                      {t('responses.broke')}
                    </Badge>
                  ) : item.response?.response === 'endorse' ? (
                    <Badge color="green" variant="light">
                      {t('responses.endorsed')}
                    </Badge>
                  ) : (
                    <Badge color="gray" variant="outline">
                      {item.kind === 'silence' ? t('toAct.silent') : t('toAct.notEndorsed')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** The statements the secretariat has in procedure, soonest deadline first. */
function SecretariatInProcedure() {
  const { t } = useTranslation('statements');
  const f = useFormat();
  const list = useStatements({ status: 'in_procedure', kind: null });
  if (list.isPending) return <Loading label={t('toAct.loading')} />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => list.refetch()} />;
  if (list.data.length === 0) return <Text c="dimmed">{t('toAct.noneOpen')}</Text>;
  const items = [...list.data].sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? ''));
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={480} type="native">
        <Table verticalSpacing="xs" data-in-procedure>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('toAct.statement')}</Table.Th>
              <Table.Th>{t('toAct.deadline')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((s) => (
              <Table.Tr key={s.id} data-statement={s.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/statements/${s.id}`}>
                    <LocalizedTitle
                      title={s.title}
                      titleTranslations={titlesOf(s.translations)}
                      language={s.language}
                    />
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {s.deadline ? (
                    <>
                      <Text size="sm">{f.dateTime(s.deadline)}</Text>
                      <Text size="sm">
                        <Countdown deadline={s.deadline} onOver={() => void list.refetch()} />
                      </Text>
                    </>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** The desk's "to act on": a focal point's procedures to answer; the secretariat's statements in procedure. */
export function ToAct({ me }: { me: Me }) {
  const { t } = useTranslation('statements');
  const focalPoint = me.role === 'focal_point';
  return (
    <Stack gap="sm" component="section" aria-labelledby="to-act-heading">
      <Title order={2} size="h3" id="to-act-heading">
        {focalPoint ? t('toAct.title') : t('toAct.secretariatTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {focalPoint ? t('toAct.text', { member: me.memberCode ?? '' }) : t('toAct.secretariatText')}
      </Text>
      {focalPoint ? <FocalPointToAct /> : <SecretariatInProcedure />}
    </Stack>
  );
}
