import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { INDICATOR_VISIBILITIES, MEMBER_AGGREGATIONS, PERIOD_TYPES, TIME_AGGREGATIONS } from '../../../shared/enums.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FormBanner } from '../../components/FormAlerts.js';
import { focusFirstError } from '../../components/form-focus.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { useFormat } from '../../i18n/format.js';
import { type IndicatorValues, newIndicatorValues, toIndicatorBody } from './indicator-form.js';
import { useCreateIndicator, useIndicators } from './reporting.api.js';

/** The secretariat's indicators: the list, and a form to define one with its categories and targets. */
export function IndicatorsPage() {
  const { t } = useTranslation('reporting');
  const f = useFormat();
  const indicators = useIndicators();
  if (indicators.isPending) return <Loading />;
  if (indicators.isError) return <ErrorAlert error={indicators.error} onRetry={() => indicators.refetch()} />;
  return (
    <Stack gap="lg">
      <PageTitle title={t('indicators.title')} />
      <Title order={1}>{t('indicators.title')}</Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('indicators.key')}</Table.Th>
            <Table.Th>{t('indicators.name')}</Table.Th>
            <Table.Th>{t('indicators.lineOfEffort')}</Table.Th>
            <Table.Th>{t('indicators.periodType')}</Table.Th>
            <Table.Th>{t('indicators.categories')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicators.data.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>
                <bdi>{i.key}</bdi>
              </Table.Td>
              <Table.Td>
                {i.names[f.language] ?? i.names.en}{' '}
                <Text span size="xs" c="dimmed">
                  ({f.unit(i)})
                </Text>
                {i.visibility === 'coalition' ? (
                  <Badge ms="xs" variant="outline">
                    {t('visibility.coalition')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>
                <bdi>{i.lineOfEffort}</bdi>
              </Table.Td>
              <Table.Td>{t(`periodType.${i.periodType}`)}</Table.Td>
              <Table.Td>{f.list(i.categories.map((c) => c.names[f.language] ?? c.names.en))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <NewIndicatorForm />
    </Stack>
  );
}

function NewIndicatorForm() {
  const { t } = useTranslation('reporting');
  const create = useCreateIndicator();
  const form = useForm<IndicatorValues>({ mode: 'controlled', initialValues: newIndicatorValues() });
  const submission = useFormSubmission(form, {
    record: 'indicator',
    fieldOf: (path) => (path.startsWith('categories') ? 'categories' : path.startsWith('targets') ? 'targets' : path),
  });
  const options = (values: readonly string[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}` as never) as string }));
  const submit = (values: IndicatorValues) => {
    submission.send(create, toIndicatorBody(values), (indicator) => {
      notifications.show({ color: 'green', message: t('indicators.created', { key: indicator.key }) });
      form.setValues(newIndicatorValues());
    });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('indicators.new')}
        </Title>
        <FormBanner>{submission.banner}</FormBanner>
        <Group grow align="flex-start">
          <TextInput label={t('indicators.key')} required dir="ltr" {...form.getInputProps('key')} />
          <TextInput label={t('indicators.lineOfEffort')} required dir="ltr" {...form.getInputProps('lineOfEffort')} />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t('indicators.unit')} required {...form.getInputProps('unit')} />
          <TextInput label={t('indicators.unitFr')} {...form.getInputProps('unitTranslations.fr')} />
          <TextInput label={t('indicators.unitAr')} dir="rtl" {...form.getInputProps('unitTranslations.ar')} />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t('indicators.nameEn')} required {...form.getInputProps('names.en')} />
          <TextInput label={t('indicators.nameFr')} {...form.getInputProps('names.fr')} />
          <TextInput label={t('indicators.nameAr')} dir="rtl" {...form.getInputProps('names.ar')} />
        </Group>
        <Group grow align="flex-start">
          <NativeSelect
            label={t('indicators.periodType')}
            data={options(PERIOD_TYPES, 'periodType')}
            {...form.getInputProps('periodType')}
          />
          <NativeSelect
            label={t('indicators.memberAggregation')}
            data={options(MEMBER_AGGREGATIONS, 'memberAggregation')}
            {...form.getInputProps('memberAggregation')}
          />
          <NativeSelect
            label={t('indicators.timeAggregation')}
            data={options(TIME_AGGREGATIONS, 'timeAggregation')}
            {...form.getInputProps('timeAggregation')}
          />
          <NativeSelect
            label={t('indicators.visibility')}
            data={options(INDICATOR_VISIBILITIES, 'visibility')}
            {...form.getInputProps('visibility')}
          />
        </Group>
        <Textarea
          label={t('indicators.categories')}
          description={t('indicators.categoriesHelp')}
          autosize
          minRows={2}
          dir="ltr"
          {...form.getInputProps('categories')}
        />
        <Textarea
          label={t('indicators.targets')}
          description={t('indicators.targetsHelp')}
          autosize
          minRows={2}
          dir="ltr"
          {...form.getInputProps('targets')}
        />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('indicators.create')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
