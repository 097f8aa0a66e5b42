import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FOLLOW_UP_STATUSES } from '../../../shared/enums.js';
import type { Decision, FollowUp, FollowUpStatus } from '../../../shared/statements.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FormActions, FormBanner } from '../../components/FormAlerts.js';
import { focusFirstError } from '../../components/form-focus.js';
import { Loading } from '../../components/Loading.js';
import { LocalizedTitle } from '../../components/LocalizedTitle.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { useEnumOptions } from '../../i18n/enums.js';
import { useFormat } from '../../i18n/format.js';
import { problemMessage } from '../../i18n/problem.js';
import { canUseSecretariat, useMe } from '../auth/auth.api.js';
import { freeText } from '../meetings/free-text.js';
import { useMemberName } from '../members/member-name.js';
import { useMemberOptions } from '../members/member-options.js';
import { emptyFollowUp, type FollowUpValues, toFollowUpBody } from './follow-up-form.js';
import { titlesOf } from './statement-title.js';
import { useAddFollowUp, useDecisions, useUpdateFollowUp } from './statements.api.js';

/** A follow-up's owner: a member (its name in the reader's language) or a working group. */
function Owner({ followUp }: { followUp: FollowUp }) {
  const memberName = useMemberName();
  const owner = followUp.owner;
  if (owner.kind === 'working_group') return <bdi>{owner.name}</bdi>;
  return (
    <>
      {memberName(owner.member)} (<bdi>{owner.member.code}</bdi>)
    </>
  );
}

/** The secretariat moves a follow-up along (If-Match: the follow-up as the register shows it). */
function StatusChanger({ followUp }: { followUp: FollowUp }) {
  const { t, i18n } = useTranslation('statements');
  const statuses = useEnumOptions('followUpStatus', FOLLOW_UP_STATUSES);
  const update = useUpdateFollowUp();
  return (
    <NativeSelect
      size="xs"
      aria-label={t('decisions.followUps.changeStatus', { text: followUp.text })}
      data={statuses}
      value={followUp.status}
      disabled={update.isPending}
      onChange={(e) =>
        update.mutate(
          { id: followUp.id, version: followUp.version, body: { status: e.currentTarget.value as FollowUpStatus } },
          {
            onError: (error) =>
              notifications.show({
                color: 'red',
                title: t('decisions.followUps.notSaved'),
                message: problemMessage(i18n.getFixedT(null, 'common'), error),
              }),
          },
        )
      }
    />
  );
}

function AddFollowUpForm({ decision, onDone }: { decision: Decision; onDone: () => void }) {
  const { t } = useTranslation('statements');
  const add = useAddFollowUp(decision.id);
  const form = useForm<FollowUpValues>({ mode: 'controlled', initialValues: emptyFollowUp });
  const submission = useFormSubmission(form, { record: 'followUp' });
  const values = form.getValues();
  const { options } = useMemberOptions();
  const submit = (v: FollowUpValues) => {
    submission.send(add, toFollowUpBody(v), () => {
      notifications.show({ color: 'green', message: t('decisions.followUps.added') });
      onDone();
    });
  };
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={form.onSubmit(submit, focusFirstError)}
      noValidate
      aria-label={t('decisions.followUps.add')}
    >
      <Stack gap="sm">
        <FormBanner>{submission.banner}</FormBanner>
        <TextInput
          label={t('decisions.followUps.text')}
          required
          maxLength={2000}
          styles={freeText}
          {...form.getInputProps('text')}
        />
        <SegmentedControl
          aria-label={t('decisions.followUps.ownerKind')}
          data={[
            { value: 'member', label: t('decisions.followUps.byMember') },
            { value: 'working_group', label: t('decisions.followUps.byGroup') },
          ]}
          {...form.getInputProps('ownerKind')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {values.ownerKind === 'member' ? (
            <Select
              label={t('decisions.followUps.owner')}
              data={options}
              searchable
              {...form.getInputProps('ownerMemberCode')}
            />
          ) : (
            <TextInput
              label={t('decisions.followUps.owner')}
              maxLength={200}
              styles={freeText}
              {...form.getInputProps('ownerWorkingGroup')}
            />
          )}
          <TextInput type="date" label={t('decisions.followUps.due')} {...form.getInputProps('dueOn')} />
        </SimpleGrid>
        <FormActions submitLabel={t('decisions.followUps.submit')} submitting={add.isPending} onCancel={onDone} />
      </Stack>
    </Paper>
  );
}

function DecisionCard({ decision, secretariat }: { decision: Decision; secretariat: boolean }) {
  const { t } = useTranslation(['statements', 'enums']);
  const f = useFormat();
  const [adding, setAdding] = useState(false);
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-labelledby={`decision-${decision.id}`}
      data-decision={decision.number}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4" id={`decision-${decision.id}`}>
              <bdi className="decision-number">{decision.number}</bdi>{' '}
              <Anchor component={Link} to={`/statements/${decision.statementId}`}>
                <LocalizedTitle
                  title={decision.title}
                  titleTranslations={titlesOf(decision.translations)}
                  language={decision.language}
                />
              </Anchor>
            </Title>
            <Text size="sm" c="dimmed">
              {t('decisions.adoptedOn', { date: f.date(decision.adoptedOn), version: f.number(decision.textVersion) })}
              {decision.meetingId ? (
                <>
                  {' · '}
                  <Anchor component={Link} to={`/meetings/${decision.meetingId}`}>
                    {t('decisions.meeting')}
                  </Anchor>
                </>
              ) : null}
            </Text>
          </Stack>
          <Badge variant="light">{t(`enums:decisionMethod.${decision.method}`)}</Badge>
        </Group>
        {decision.followUps.length > 0 ? (
          <Table.ScrollContainer minWidth={520} type="native">
            <Table verticalSpacing="xs" captionSide="top">
              <Table.Caption ta="start">{t('decisions.followUps.title')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('decisions.followUps.text')}</Table.Th>
                  <Table.Th>{t('decisions.followUps.owner')}</Table.Th>
                  <Table.Th>{t('decisions.followUps.due')}</Table.Th>
                  <Table.Th>{t('decisions.followUps.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {decision.followUps.map((fu) => (
                  <Table.Tr key={fu.id} data-follow-up={fu.id}>
                    <Table.Td>
                      <bdi>{fu.text}</bdi>
                    </Table.Td>
                    <Table.Td>
                      <Owner followUp={fu} />
                    </Table.Td>
                    <Table.Td>{fu.dueOn ? f.date(fu.dueOn) : '—'}</Table.Td>
                    <Table.Td>
                      {secretariat ? <StatusChanger followUp={fu} /> : t(`enums:followUpStatus.${fu.status}`)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text size="sm" c="dimmed">
            {t('decisions.followUps.none')}
          </Text>
        )}
        {secretariat && !adding ? (
          <Group>
            <Button size="xs" variant="light" onClick={() => setAdding(true)}>
              {t('decisions.followUps.add')}
            </Button>
          </Group>
        ) : null}
        {secretariat && adding ? <AddFollowUpForm decision={decision} onDone={() => setAdding(false)} /> : null}
      </Stack>
    </Paper>
  );
}

/** The decision register: every adoption, numbered by year, with what is to follow from it. */
export function DecisionsPage() {
  const { t } = useTranslation('statements');
  const me = useMe().data;
  const decisions = useDecisions();
  return (
    <Stack gap="lg">
      <PageTitle title={t('decisions.title')} />
      <Stack gap={4}>
        <Title order={1}>{t('decisions.title')}</Title>
        <Text c="dimmed">{t('decisions.intro')}</Text>
      </Stack>
      {decisions.isPending ? <Loading label={t('decisions.loading')} /> : null}
      {decisions.isError ? <ErrorAlert error={decisions.error} onRetry={() => decisions.refetch()} /> : null}
      {decisions.data?.length === 0 ? <Text c="dimmed">{t('decisions.none')}</Text> : null}
      {decisions.data?.map((d) => (
        <DecisionCard key={d.id} decision={d} secretariat={canUseSecretariat(me)} />
      ))}
    </Stack>
  );
}
