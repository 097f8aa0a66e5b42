import { Anchor, Badge, Breadcrumbs, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Visibility } from '../../../shared/meetings.js';
import { CiteThis } from '../../components/CiteThis.js';
import './statements.css';
import type { Me } from '../../../shared/auth.js';
import type { Statement } from '../../../shared/statements.js';
import { isApiError } from '../../app/api.js';
import { signInPath } from '../../app/sign-in-path.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { LocalizedTitle, useLocalizedTitleText } from '../../components/LocalizedTitle.js';
import { NotFoundPage } from '../../components/NotFound.page.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { canUseSecretariat, useMe } from '../auth/auth.api.js';
import { useMemberName } from '../members/member-name.js';
import { LazyCitations } from '../sources/LazyCitations.js';
import { Countdown } from './Countdown.js';
import { StatementStatusBadge } from './StatementBadges.js';
import { StatementText } from './StatementText.js';
import { titlesOf } from './statement-title.js';
import { statementsKey, useStatement } from './statements.api.js';

// The workspace and the forms are for the secretariat and circulated members: the public never downloads them.
const Workspace = lazy(() => import('./Workspace.js').then((m) => ({ default: m.Workspace })));
const AddPositionForm = lazy(() => import('./PositionForm.js').then((m) => ({ default: m.AddPositionForm })));
const RemovePosition = lazy(() => import('./PositionForm.js').then((m) => ({ default: m.RemovePosition })));
const StatementActions = lazy(() => import('./StatementActions.js').then((m) => ({ default: m.StatementActions })));

/** What the statement is: its kind, visibility, and once adopted its decision, date and method. */
function StatementHeader({ statement }: { statement: Statement }) {
  const { t } = useTranslation(['statements', 'enums']);
  const f = useFormat();
  const queryClient = useQueryClient();
  // At the deadline the server (its clock decides) has settled the procedure: read it all again.
  const reread = useCallback(() => void queryClient.invalidateQueries({ queryKey: statementsKey }), [queryClient]);
  const adoption = statement.adoption;
  return (
    <Stack gap="xs">
      <Title order={1}>
        <LocalizedTitle
          title={statement.title}
          titleTranslations={titlesOf(statement.translations)}
          language={statement.language}
          authenticLabel={t('statement.authentic', { language: t(`enums:language.${statement.language}`) })}
        />
      </Title>
      <Group gap="xs">
        <Badge variant="outline">{t(`enums:statementKind.${statement.kind}`)}</Badge>
        <StatementStatusBadge status={statement.status} />
        {statement.visibility !== 'public' ? (
          <Badge variant="outline" color="grape">
            {t(`enums:visibility.${statement.visibility}`)}
          </Badge>
        ) : null}
      </Group>
      {adoption ? (
        <Text data-decision={adoption.decisionNumber}>
          <Trans
            t={t}
            i18nKey="statement.adopted"
            values={{
              number: adoption.decisionNumber,
              date: f.date(adoption.adoptedOn),
              method: t(`enums:decisionMethod.${adoption.method}`),
              version: f.number(adoption.textVersion),
            }}
            components={{ number: <bdi />, decisions: <Anchor component={Link} to="/decisions" /> }}
          />
        </Text>
      ) : null}
      {statement.status === 'in_procedure' && statement.deadline ? (
        <Text data-in-procedure>
          {t('statement.inProcedure', { at: f.dateTime(statement.deadline) })}{' '}
          <Countdown deadline={statement.deadline} onOver={reread} />
        </Text>
      ) : null}
      {statement.status === 'withdrawn' ? <Text data-withdrawn>{t('statement.withdrawn')}</Text> : null}
      {statement.meetingId ? (
        <Text size="sm">
          <Anchor component={Link} to={`/meetings/${statement.meetingId}`}>
            {t('statement.meeting')}
          </Anchor>
        </Text>
      ) : null}
    </Stack>
  );
}

/** The adopted text, its paragraphs numbered, and the members that kept silent or endorsed it. */
function AdoptedText({ statement }: { statement: Statement }) {
  const { t } = useTranslation('statements');
  const memberName = useMemberName();
  const f = useFormat();
  const collator = useMemo(() => new Intl.Collator(f.locale), [f.locale]);
  const adoption = statement.adoption;
  if (!adoption) return null;
  const heading =
    adoption.method === 'silence'
      ? t('adopted.silent')
      : adoption.method === 'endorsement'
        ? t('adopted.endorsing')
        : null;
  return (
    <>
      <Stack gap="sm" component="section" aria-labelledby="text-heading">
        <Title order={2} size="h3" id="text-heading">
          {t('adopted.text')}
        </Title>
        <Paper withBorder p="md">
          <StatementText paragraphs={adoption.paragraphs} language={statement.language} />
        </Paper>
      </Stack>
      {heading ? (
        <Stack gap="sm" component="section" aria-labelledby="adopted-members-heading">
          <Title order={2} size="h3" id="adopted-members-heading">
            {heading}
          </Title>
          {adoption.members.length === 0 ? (
            <Text c="dimmed">{t('adopted.noMembers')}</Text>
          ) : (
            <List className="member-columns" data-adopted-members>
              {[...adoption.members]
                .sort((a, b) => collator.compare(memberName(a), memberName(b)))
                .map((m) => (
                  <List.Item key={m.code} data-member={m.code}>
                    <Anchor component={Link} to={`/members/${m.code}`}>
                      {memberName(m)}
                    </Anchor>{' '}
                    (<bdi>{m.code}</bdi>)
                  </List.Item>
                ))}
            </List>
          )}
        </Stack>
      ) : null}
    </>
  );
}

/** Reservations and explanations of position attached to the adopted statement; who may, adds one. */
function Positions({ statement, me }: { statement: Statement; me: Me | null | undefined }) {
  const { t } = useTranslation(['statements', 'enums']);
  const f = useFormat();
  const memberName = useMemberName();
  const [adding, setAdding] = useState(false);
  const canAdd =
    statement.status === 'adopted' && (canUseSecretariat(me) || (me?.role === 'focal_point' && me.memberCode));
  if (statement.positions.length === 0 && !canAdd) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="positions-heading">
      <Title order={2} size="h3" id="positions-heading">
        {t('positions.title')}
      </Title>
      {statement.positions.length === 0 ? <Text c="dimmed">{t('positions.none')}</Text> : null}
      {statement.positions.map((p) => (
        <Paper key={p.id} withBorder p="md" component="article" data-position-member={p.member.code}>
          <Group gap="xs" mb="xs">
            <Text fw={700}>
              {memberName(p.member)} (<bdi>{p.member.code}</bdi>)
            </Text>
            <Badge variant="light">{t(`enums:positionKind.${p.kind}`)}</Badge>
            <Text size="xs" c="dimmed">
              {f.dateTime(p.createdAt)}
            </Text>
          </Group>
          <Text style={{ whiteSpace: 'pre-wrap', unicodeBidi: 'plaintext' }}>{p.text}</Text>
          {canUseSecretariat(me) || (me?.role === 'focal_point' && me.memberCode === p.member.code) ? (
            <Suspense fallback={null}>
              <RemovePosition statement={statement} position={p} />
            </Suspense>
          ) : null}
        </Paper>
      ))}
      {canAdd && !adding ? (
        <Group>
          <Button variant="light" onClick={() => setAdding(true)}>
            {t('positions.add')}
          </Button>
        </Group>
      ) : null}
      {canAdd && adding ? (
        <Suspense fallback={<Loading />}>
          <AddPositionForm statement={statement} me={me as Me} onDone={() => setAdding(false)} />
        </Suspense>
      ) : null}
    </Stack>
  );
}

/**
 * One statement. Once adopted, for everyone who may see it: the adopted text, its decision, the
 * members that kept silent or endorsed it, the positions attached. For the secretariat and the
 * members it was circulated to, the workspace below it: versions, diffs, procedures, answers.
 */
export function StatementPage() {
  const { t } = useTranslation('statements');
  const id = useParams().id ?? '';
  const location = useLocation();
  const statement = useStatement(id);
  const me = useMe().data;
  const title = useLocalizedTitleText(
    statement.data?.title ?? '',
    titlesOf(statement.data?.translations),
    statement.data?.language ?? 'en',
  );

  if (statement.isPending) return <Loading label={t('statement.loading')} />;
  if (statement.isError) {
    // Hidden and missing alike answer 404: the page does not say which.
    if (isApiError(statement.error, 404) || isApiError(statement.error, 400)) {
      return (
        <NotFoundPage title={t('statement.notFound')}>
          <Text>
            <Trans
              t={t}
              i18nKey="statement.notFoundText"
              components={{ signin: <Anchor component={Link} to={signInPath(location)} /> }}
            />
          </Text>
        </NotFoundPage>
      );
    }
    return <ErrorAlert error={statement.error} onRetry={() => statement.refetch()} />;
  }
  const s = statement.data;
  const workspace = s.versions.length > 0 || canUseSecretariat(me);
  return (
    <Stack gap="xl">
      <PageTitle title={title} />
      <Breadcrumbs>
        <Anchor component={Link} to="/statements">
          {t('list.title')}
        </Anchor>
        <Text span truncate="end" maw="60vw">
          <LocalizedTitle title={s.title} titleTranslations={titlesOf(s.translations)} language={s.language} />
        </Text>
      </Breadcrumbs>
      <StatementHeader statement={s} />
      {canUseSecretariat(me) ? (
        <Suspense fallback={null}>
          <StatementActions statement={s} onReload={() => statement.refetch()} />
        </Suspense>
      ) : null}
      <AdoptedText statement={s} />
      <Positions statement={s} me={me} />
      {workspace ? (
        <Suspense fallback={<Loading />}>
          <Workspace statement={s} me={me} />
        </Suspense>
      ) : null}
      {s.visibility === Visibility.enum.public ? <CiteThis title={title} date={s.adoptedOn} /> : null}
      <LazyCitations subject="statement" subjectKey={s.id} />
    </Stack>
  );
}
