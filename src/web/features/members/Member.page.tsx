import { Anchor, Badge, Breadcrumbs, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Member } from '../../../shared/members.js';
import { isApiError } from '../../app/api.js';
import { CiteThis } from '../../components/CiteThis.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { NotFoundPage } from '../../components/NotFound.page.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { canUseSecretariat, useMe } from '../auth/auth.api.js';
import { LazyCitations } from '../sources/LazyCitations.js';
import { MemberDelegations } from './MemberDelegations.js';
import { MemberContributions, MemberPledges, MemberStatements } from './MemberRecord.js';
import { MergePerson } from './MergePerson.js';
import { useMemberName } from './member-name.js';
import { useMember, usePeople } from './members.api.js';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={160} style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function JoinedDetail({ member }: { member: Member }) {
  const { t } = useTranslation(['members', 'enums']);
  const f = useFormat();
  if (member.joinedOn) {
    return (
      <Stack gap={2}>
        <time dateTime={member.joinedOn}>{f.date(member.joinedOn)}</time>
        {member.joinedNote ? (
          <Text size="sm" c="dimmed">
            <bdi>{member.joinedNote}</bdi>
          </Text>
        ) : null}
      </Stack>
    );
  }
  if (member.joinedNote) {
    return (
      <Stack gap={4} align="flex-start">
        <Badge variant="light" color="orange">
          {t('member.dateUncertain')}
        </Badge>
        <Text size="sm">
          <bdi>{member.joinedNote}</bdi>
        </Text>
      </Stack>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      {t('member.notRecorded')}
    </Text>
  );
}

function People({ code, canMerge }: { code: string; canMerge: boolean }) {
  const { t } = useTranslation(['members', 'enums']);
  const people = usePeople(code);
  if (people.isPending) return <Loading label={t('member.loadingPeople')} />;
  if (people.isError) return <ErrorAlert error={people.error} title={t('member.peopleNotLoaded')} />;
  if (people.data.length === 0) return <Text c="dimmed">{t('member.noPeople')}</Text>;
  // What the register says of each person, in its own direction (isolated within the page's).
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {people.data.map((person) => (
        <Card key={person.id} withBorder padding="md" component="article">
          <Text fw={700} component="h3" m={0} size="md">
            <bdi>{person.name}</bdi>
          </Text>
          {person.title ? (
            <Text size="sm">
              <bdi>{person.title}</bdi>
            </Text>
          ) : null}
          {person.affiliation ? (
            <Text size="sm" c="dimmed">
              <bdi>{person.affiliation}</bdi>
            </Text>
          ) : null}
          {person.note ? (
            <Text size="sm" c="dimmed" mt={4}>
              <bdi>{person.note}</bdi>
            </Text>
          ) : null}
          {canMerge ? (
            <MergePerson person={person} others={people.data.filter((p) => p.id !== person.id)} memberCode={code} />
          ) : null}
        </Card>
      ))}
    </SimpleGrid>
  );
}

/**
 * One member: its names in the coalition's three languages, when it joined, its people, its
 * delegations to meetings, where it stood on adopted statements, its pledges and its approved figures.
 */
export function MemberPage() {
  const { t } = useTranslation(['members', 'enums']);
  const f = useFormat();
  const memberName = useMemberName();
  const code = (useParams().code ?? '').toUpperCase();
  const member = useMember(code);
  const { data: me } = useMe();

  if (member.isPending) return <Loading label={t('member.loading')} />;
  if (member.isError) {
    if (isApiError(member.error, 404) || isApiError(member.error, 400)) {
      return (
        <NotFoundPage title={t('member.notFound')}>
          <Text>
            <Trans t={t} i18nKey="member.noSuchCode" values={{ code }} components={{ strong: <strong /> }} />
          </Text>
        </NotFoundPage>
      );
    }
    return <ErrorAlert error={member.error} onRetry={() => member.refetch()} />;
  }

  const m = member.data;
  const name = memberName(m);
  return (
    <Stack gap="lg">
      <PageTitle title={name} />
      <Breadcrumbs>
        <Anchor component={Link} to="/members">
          {t('list.title')}
        </Anchor>
        <Text span>{name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Title order={1}>{name}</Title>
          <Group gap="xs">
            <Badge variant="light">{t(`enums:memberKind.${m.kind}`)}</Badge>
            <Badge variant="outline" color={m.status === 'active' ? 'green' : 'gray'}>
              {t(`member.status.${m.status}`)}
            </Badge>
            <Text span ff="monospace" size="sm" c="dimmed">
              {m.code}
            </Text>
          </Group>
        </Stack>
        {canUseSecretariat(me) ? (
          <Button component={Link} to={`/secretariat/members/${m.code}/edit`} variant="default">
            {t('member.edit')}
          </Button>
        ) : null}
      </Group>

      <Table withTableBorder variant="vertical" maw={760} layout="fixed">
        <Table.Tbody>
          {/* Each name in its own language and direction, whatever the page's. */}
          <Field label={t('member.names.en')}>
            <span lang="en" dir="ltr">
              {m.names.en}
            </span>
          </Field>
          <Field label={t('member.names.fr')}>
            <span lang="fr" dir="ltr">
              {m.names.fr}
            </span>
          </Field>
          <Field label={t('member.names.ar')}>
            <span lang="ar" dir="rtl">
              {m.names.ar}
            </span>
          </Field>
          {/* The long official form, where it differs from the short name shown everywhere else, in the page's language. */}
          {m.officialNames ? (
            <Field label={t('member.officialName')}>
              <bdi>{m.officialNames[f.language]}</bdi>
            </Field>
          ) : null}
          <Field label={t('member.joined')}>
            <JoinedDetail member={m} />
          </Field>
          {m.leftOn ? (
            <Field label={t('member.left')}>
              <time dateTime={m.leftOn}>{f.date(m.leftOn)}</time>
            </Field>
          ) : null}
          <Field label={t('member.note')}>
            {m.note ? (
              <Text size="sm">
                <bdi>{m.note}</bdi>
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t('member.none')}
              </Text>
            )}
          </Field>
        </Table.Tbody>
      </Table>

      <Stack gap="sm" component="section" aria-labelledby="people-heading">
        <Title order={2} id="people-heading" size="h3">
          {t('member.people')}
        </Title>
        <People code={m.code} canMerge={canUseSecretariat(me)} />
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="delegations-heading">
        <Title order={2} id="delegations-heading" size="h3">
          {t('member.delegations.title')}
        </Title>
        <MemberDelegations code={m.code} />
      </Stack>

      <MemberStatements code={m.code} />
      <MemberPledges code={m.code} />
      <MemberContributions code={m.code} />
      <CiteThis title={name} date={m.joinedOn} />
      <LazyCitations subject="member" subjectKey={m.code} />
    </Stack>
  );
}
