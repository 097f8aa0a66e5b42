import {
  Anchor,
  NativeSelect,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { minorDigits } from '../../../shared/currency.js';
import type { PledgeKind } from '../../../shared/pledges.js';
import { FormActions, FormBanner } from '../../components/FormAlerts.js';
import { useFormT } from '../../components/form-errors.js';
import { focusFirstError } from '../../components/form-focus.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { useFormat } from '../../i18n/format.js';
import { useMe } from '../auth/auth.api.js';
import { nameIn } from '../members/member-name.js';
import { useMembers } from '../members/members.api.js';
import { useLinesOfEffort } from '../progress/progress.api.js';
import { markErrors } from './local-errors.js';
import { canRecordPledges } from './money.js';
import { emptyPledge, type PledgeValues, pledgeFieldOf, toCreateBody } from './pledge-form.js';
import { useCreatePledge } from './pledges.api.js';

/** The ISO 4217 codes the browser knows, for the currency list. */
const CURRENCIES = Intl.supportedValuesOf('currency');

/** Records a pledge: the secretariat for any member, a focal point for their own. */
export function NewPledgePage() {
  const { t } = useTranslation('pledges');
  const formT = useFormT();
  const f = useFormat();
  const me = useMe();
  const members = useMembers();
  const lines = useLinesOfEffort();
  const navigate = useNavigate();
  const create = useCreatePledge();
  const own = me.data?.role === 'focal_point' ? (me.data.memberCode ?? '') : null;
  const form = useForm<PledgeValues>({ mode: 'controlled', initialValues: emptyPledge(own ?? '') });
  const submission = useFormSubmission(form, { record: 'pledge', fieldOf: pledgeFieldOf });
  const memberOptions = useMemo(
    () =>
      (members.data ?? [])
        .map((m) => ({ value: m.code, label: `${nameIn(m.names, m.name, f.language)} (${m.code})` }))
        .sort((a, b) => a.label.localeCompare(b.label, f.locale)),
    [members.data, f.language, f.locale],
  );
  const currencyNames = useMemo(() => new Intl.DisplayNames(f.locale, { type: 'currency' }), [f.locale]);
  const currencyOptions = useMemo(
    () => CURRENCIES.map((c) => ({ value: c, label: `${c} · ${currencyNames.of(c) ?? c}` })),
    [currencyNames],
  );
  if (me.isPending) return <Loading label={t('form.loading')} />;
  if (!canRecordPledges(me.data)) {
    return <Text>{t('form.notAllowed')}</Text>;
  }
  const kind = form.values.kind;
  const digits = minorDigits(form.values.currency) ?? 2;
  const submit = (values: PledgeValues) => {
    submission.clear();
    const made = toCreateBody(values);
    if ('errors' in made) {
      markErrors(form, made.errors, formT);
      return;
    }
    create.mutate(made.body, {
      onSuccess: (pledge) => {
        notifications.show({ color: 'green', message: t('form.recorded') });
        navigate(`/pledges/${pledge.id}`);
      },
      onError: submission.fail,
    });
  };
  return (
    <Stack gap="lg">
      <PageTitle title={t('form.title')} />
      <Anchor component={Link} to="/pledges" size="sm">
        {t('pledge.back')}
      </Anchor>
      <Title order={1}>{t('form.title')}</Title>
      <Paper withBorder p="md" component="form" onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
        <Stack gap="sm">
          <FormBanner>{submission.banner}</FormBanner>
          <SegmentedControl
            w="fit-content"
            aria-label={t('form.kind')}
            data={(['financial', 'in_kind'] as PledgeKind[]).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {own ? (
              <TextInput label={t('form.member')} value={own} readOnly />
            ) : (
              <Select
                label={t('form.member')}
                data={memberOptions}
                searchable
                required
                {...form.getInputProps('memberCode')}
              />
            )}
            {lines.data ? (
              <NativeSelect
                label={t('form.lineOfEffort')}
                required
                data={[
                  { value: '', label: t('form.chooseLine') },
                  ...lines.data.map((l) => ({
                    value: l.key,
                    label: `${l.key} · ${l.names[f.language] ?? l.names.en}`,
                  })),
                ]}
                {...form.getInputProps('lineOfEffort')}
              />
            ) : (
              <TextInput
                label={t('form.lineOfEffort')}
                description={t('form.lineOfEffortHint')}
                required
                {...form.getInputProps('lineOfEffort')}
              />
            )}
          </SimpleGrid>
          {kind === 'financial' ? (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('form.amount')}
                description={t('form.amountHint', { count: digits })}
                inputMode="decimal"
                required
                {...form.getInputProps('amount')}
              />
              <Select
                label={t('form.currency')}
                data={currencyOptions}
                searchable
                required
                {...form.getInputProps('currency')}
              />
              <TextInput
                type="date"
                label={t('form.valueDate')}
                description={t('form.valueDateHint')}
                required
                {...form.getInputProps('valueDate')}
              />
            </SimpleGrid>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('form.description')} required {...form.getInputProps('description')} />
              <TextInput label={t('form.quantity')} inputMode="decimal" required {...form.getInputProps('quantity')} />
              <TextInput label={t('form.unit')} required {...form.getInputProps('unit')} />
            </SimpleGrid>
          )}
          <Textarea
            label={t('form.note')}
            description={t('form.noteHint')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('note')}
          />
          <FormActions
            submitLabel={t('form.submit')}
            submitting={create.isPending}
            onCancel={() => navigate('/pledges')}
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
