import {
  Anchor,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Pledge, PledgeEventStatus } from '../../../shared/pledges.js';
import { CiteThis } from '../../components/CiteThis.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FormActions, FormBanner } from '../../components/FormAlerts.js';
import { useFormT } from '../../components/form-errors.js';
import { focusFirstError } from '../../components/form-focus.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { useFormat } from '../../i18n/format.js';
import { useMe } from '../auth/auth.api.js';
import { nameIn } from '../members/member-name.js';
import { markErrors } from './local-errors.js';
import { canRecordFor, PledgeAmount, PledgeStatusBadge, useMoney } from './money.js';
import { type EventValues, pledgeFieldOf, toEventBody } from './pledge-form.js';
import { useAddPledgeEvent, usePledge } from './pledges.api.js';

/** The events that may follow the pledge's status (the server decides; this only offers them). */
function nextEvents(pledge: Pledge): PledgeEventStatus[] {
  switch (pledge.status) {
    case 'pledged':
      return ['committed', 'withdrawn'];
    case 'committed':
      return ['disbursed', 'withdrawn'];
    case 'disbursed':
      if (pledge.kind === 'in_kind' || (pledge.disbursedMinor ?? 0) >= (pledge.committedMinor ?? 0)) return [];
      return ['disbursed', 'withdrawn'];
    default:
      return [];
  }
}

/** Commit, disburse (a part) or withdraw: the secretariat, or the member's focal point. */
function EventForm({ pledge }: { pledge: Pledge }) {
  const { t } = useTranslation('pledges');
  const money = useMoney();
  const formT = useFormT();
  const options = nextEvents(pledge);
  const add = useAddPledgeEvent(pledge.id);
  const form = useForm<EventValues>({
    mode: 'controlled',
    initialValues: { status: options[0] ?? 'withdrawn', on: '', amount: '', note: '' },
  });
  const submission = useFormSubmission(form, { record: 'pledge', fieldOf: pledgeFieldOf });
  if (options.length === 0) return null;
  const status = form.values.status;
  const financial = pledge.kind === 'financial';
  const remaining = (pledge.committedMinor ?? 0) - (pledge.disbursedMinor ?? 0);
  const submit = (values: EventValues) => {
    submission.clear();
    const made = toEventBody(values, pledge);
    if ('errors' in made) {
      markErrors(form, made.errors, formT);
      return;
    }
    add.mutate(
      { version: pledge.version, body: made.body },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t(`event.done.${values.status}`) });
          form.reset();
        },
        onError: submission.fail,
      },
    );
  };
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={form.onSubmit(submit, focusFirstError)}
      noValidate
      aria-labelledby="event-heading"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="event-heading">
          {t('event.title')}
        </Title>
        <FormBanner>{submission.banner}</FormBanner>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('event.status')}
            data={options.map((s) => ({ value: s, label: t(`event.kind.${s}`) }))}
            {...form.getInputProps('status')}
          />
          <TextInput type="date" label={t('event.on')} required {...form.getInputProps('on')} />
          {financial && status !== 'withdrawn' ? (
            <TextInput
              label={t('event.amount', { currency: pledge.currency })}
              description={
                status === 'disbursed'
                  ? t('event.remaining', { amount: money.minor(remaining, pledge.currency ?? 'USD') })
                  : t('event.commitDefault')
              }
              inputMode="decimal"
              required={status === 'disbursed'}
              {...form.getInputProps('amount')}
            />
          ) : null}
        </SimpleGrid>
        <Textarea label={t('event.note')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
        <FormActions
          submitLabel={t(`event.submit.${status}`)}
          submitting={add.isPending}
          onCancel={() => form.reset()}
        />
      </Stack>
    </Paper>
  );
}

/** A pledge's life: what was promised, then each dated event, amounts in their currency and in US dollars. */
function LifeTimeline({ pledge }: { pledge: Pledge }) {
  const { t } = useTranslation('pledges');
  const f = useFormat();
  const money = useMoney();
  const amount = (minor: number | null) =>
    minor !== null && pledge.currency ? money.minor(minor, pledge.currency) : null;
  const usdOf = (minor: number | null) =>
    minor !== null && pledge.usd?.rate != null && pledge.amountMinor
      ? money.usd((pledge.usd.usd ?? 0) * (minor / pledge.amountMinor))
      : null;
  return (
    <Timeline active={pledge.events.length} bulletSize={18} lineWidth={2} aria-label={t('pledge.timeline')}>
      <Timeline.Item title={t('status.pledged')}>
        <Text size="sm" c="dimmed">
          {f.date(pledge.valueDate ?? pledge.updatedAt.slice(0, 10))}
        </Text>
        {pledge.kind === 'financial' ? (
          <Text size="sm">
            <bdi>{amount(pledge.amountMinor)}</bdi>
          </Text>
        ) : null}
      </Timeline.Item>
      {pledge.events.map((e) => (
        <Timeline.Item key={e.id} title={t(`event.kind.${e.status}`)} data-event={e.status}>
          <Text size="sm" c="dimmed">
            {f.date(e.on)}
          </Text>
          {amount(e.amountMinor) ? (
            <Text size="sm">
              <bdi>{amount(e.amountMinor)}</bdi>
              {usdOf(e.amountMinor) ? (
                <Text span size="xs" c="dimmed">
                  {' '}
                  (≈ <bdi>{usdOf(e.amountMinor)}</bdi>)
                </Text>
              ) : null}
            </Text>
          ) : null}
          {e.note ? (
            <Text size="sm" fs="italic">
              <bdi>{e.note}</bdi>
            </Text>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

export function PledgePage() {
  const { t } = useTranslation('pledges');
  const f = useFormat();
  const money = useMoney();
  const { id = '' } = useParams();
  const me = useMe().data;
  const pledge = usePledge(id);
  if (pledge.isPending) return <Loading label={t('pledge.loading')} />;
  if (pledge.isError) return <ErrorAlert error={pledge.error} onRetry={() => pledge.refetch()} />;
  const p = pledge.data;
  const member = nameIn(p.member.names, p.member.code, f.language);
  const financial = p.kind === 'financial';
  return (
    <Stack gap="lg">
      <PageTitle title={t('pledge.pageTitle', { member })} />
      <Anchor component={Link} to="/pledges" size="sm">
        {t('pledge.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{t('pledge.title', { member })}</Title>
          <Text c="dimmed">
            {t(`kind.${p.kind}`)} · <bdi>{p.lineOfEffort}</bdi>
          </Text>
        </Stack>
        <PledgeStatusBadge status={p.status} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: financial ? 4 : 1 }}>
        <Paper withBorder p="sm">
          <Text size="xs" c="dimmed">
            {t('pledge.amount')}
          </Text>
          <PledgeAmount pledge={p} />
        </Paper>
        {financial ? (
          <>
            <Paper withBorder p="sm">
              <Text size="xs" c="dimmed">
                {t('pledge.usd')}
              </Text>
              {p.usd?.usd != null ? (
                <>
                  <Text fw={600}>
                    <bdi>{money.usd(p.usd.usd)}</bdi>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('pledge.rate', { rate: p.usd.rate, currency: p.currency, date: f.date(p.usd.rateDate ?? '') })}
                  </Text>
                </>
              ) : (
                <Text size="sm" c="orange.8" role="status">
                  {t('pledge.noRate', { currency: p.currency, date: f.date(p.valueDate ?? '') })}
                </Text>
              )}
            </Paper>
            <Paper withBorder p="sm">
              <Text size="xs" c="dimmed">
                {t('pledge.committed')}
              </Text>
              <Text fw={600}>
                <bdi>{p.committedMinor !== null ? money.minor(p.committedMinor, p.currency ?? 'USD') : '—'}</bdi>
              </Text>
            </Paper>
            <Paper withBorder p="sm">
              <Text size="xs" c="dimmed">
                {t('pledge.disbursed')}
              </Text>
              <Text fw={600} data-testid="disbursed">
                <bdi>{money.minor(p.disbursedMinor ?? 0, p.currency ?? 'USD')}</bdi>
              </Text>
            </Paper>
          </>
        ) : null}
      </SimpleGrid>
      {p.note ? (
        <Text size="sm">
          <bdi>{p.note}</bdi>
        </Text>
      ) : null}
      <Paper withBorder p="md" component="section" aria-labelledby="life-heading">
        <Title order={2} size="h4" id="life-heading" mb="sm">
          {t('pledge.timeline')}
        </Title>
        <LifeTimeline pledge={p} />
      </Paper>
      {canRecordFor(me, p.member.code) ? <EventForm key={p.version} pledge={p} /> : null}
      <CiteThis title={t('pledge.pageTitle', { member })} date={p.events.at(0)?.on ?? p.valueDate} />
    </Stack>
  );
}
