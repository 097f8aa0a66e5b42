import { Badge, Button, Group, NativeSelect, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OFFICE_ROLES } from '../../../shared/enums.js';
import type { Office, WorkingGroup } from '../../../shared/progress.js';
import { FormActions, FormBanner } from '../../components/FormAlerts.js';
import { focusFirstError } from '../../components/form-focus.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { useFormat } from '../../i18n/format.js';
import { problemMessage } from '../../i18n/problem.js';
import { useMemberOptions } from '../members/member-options.js';
import { LocalName, useMemberRefName } from './names.js';
import { emptyOffice, type OfficeValues, toOfficeBody } from './office-form.js';
import { useAddOffice, useEndOffice } from './progress.api.js';

const today = () => new Date().toISOString().slice(0, 10);

/** Who holds or held the office: a member, or someone the note names ("host country (rotating)"). */
function Holder({ office }: { office: Office }) {
  const memberName = useMemberRefName();
  if (!office.member) return <bdi>{office.note}</bdi>;
  return <bdi>{memberName(office.member)}</bdi>;
}

/** Ends an office on a day (secretariat): a day, then the button. */
function EndOffice({ group, office }: { group: WorkingGroup; office: Office }) {
  const { t, i18n } = useTranslation('progress');
  const end = useEndOffice(group);
  const [day, setDay] = useState(today());
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    setError(null);
    end.mutate(
      { officeId: office.id, toOn: day },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('offices.ended') }),
        onError: (e) => setError(problemMessage(i18n.getFixedT(null, 'common'), e)),
      },
    );
  };
  return (
    <Group gap="xs" wrap="nowrap" align="flex-end">
      <TextInput
        type="date"
        size="xs"
        label={t('offices.endOn')}
        value={day}
        error={error}
        onChange={(e) => setDay(e.currentTarget.value)}
      />
      <Button size="xs" variant="light" loading={end.isPending} onClick={submit}>
        {t('offices.end')}
      </Button>
    </Group>
  );
}

/** A member co-leads or takes part from a day (secretariat). */
function AddOfficeForm({ group, onDone }: { group: WorkingGroup; onDone: () => void }) {
  const { t } = useTranslation('progress');
  const add = useAddOffice(group);
  const form = useForm<OfficeValues>({ mode: 'controlled', initialValues: emptyOffice(today()) });
  const submission = useFormSubmission(form, { record: 'office' });
  const { options } = useMemberOptions();
  const submit = (v: OfficeValues) => {
    submission.send(add, toOfficeBody(v), () => {
      notifications.show({ color: 'green', message: t('offices.added') });
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
      aria-label={t('offices.add')}
    >
      <Stack gap="sm">
        <FormBanner>{submission.banner}</FormBanner>
        <Group grow align="flex-start">
          <Select
            label={t('offices.member')}
            data={options}
            searchable
            required
            {...form.getInputProps('memberCode')}
          />
          <NativeSelect
            label={t('offices.role')}
            data={OFFICE_ROLES.map((role) => ({ value: role, label: t(`offices.roles.${role}`) }))}
            {...form.getInputProps('role')}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput type="date" label={t('offices.from')} {...form.getInputProps('fromOn')} />
          <TextInput type="date" label={t('offices.to')} {...form.getInputProps('toOn')} />
        </Group>
        <TextInput label={t('offices.note')} maxLength={1000} {...form.getInputProps('note')} />
        <FormActions submitLabel={t('offices.submit')} submitting={add.isPending} onCancel={onDone} />
      </Stack>
    </Paper>
  );
}

/** A working group with who led when: every office, from and to, the current ones marked. */
export function GroupOffices({ group, secretariat }: { group: WorkingGroup; secretariat: boolean }) {
  const { t } = useTranslation('progress');
  const f = useFormat();
  const [adding, setAdding] = useState(false);
  const day = (d: string | null, open: string) => (d ? f.date(d) : open);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`group-${group.key}`} data-group={group.key}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={3} size="h4" id={`group-${group.key}`}>
            <LocalName names={group.names} />
          </Title>
          <Text size="sm" c="dimmed">
            {group.formedOn ? t('groups.formedOn', { date: f.date(group.formedOn) }) : t('groups.formedUnknown')}
            {/* What the sources say of its forming, in English (the data file's). */}
            {group.formedNote ? (
              <>
                {' · '}
                <bdi lang="en">{group.formedNote}</bdi>
              </>
            ) : null}
          </Text>
        </Stack>
        {group.offices.length === 0 ? (
          <Text c="dimmed">{t('offices.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={520} type="native">
            <Table verticalSpacing="xs" captionSide="top">
              <Table.Caption ta="start">{t('offices.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('offices.holder')}</Table.Th>
                  <Table.Th scope="col">{t('offices.role')}</Table.Th>
                  <Table.Th scope="col">{t('offices.from')}</Table.Th>
                  <Table.Th scope="col">{t('offices.to')}</Table.Th>
                  {secretariat ? <Table.Th scope="col">{t('offices.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {group.offices.map((office) => (
                  <Table.Tr key={office.id} data-current={office.current || undefined}>
                    <Table.Td>
                      <Group gap="xs">
                        <Holder office={office} />
                        {office.current ? (
                          <Badge size="sm" color="green" variant="light">
                            {t('offices.current')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>{t(`offices.roles.${office.role}`)}</Table.Td>
                    <Table.Td>{day(office.fromOn, t('offices.sinceForming'))}</Table.Td>
                    <Table.Td>{day(office.toOn, t('offices.open'))}</Table.Td>
                    {secretariat ? (
                      <Table.Td>{office.toOn === null ? <EndOffice group={group} office={office} /> : null}</Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {secretariat ? (
          adding ? (
            <AddOfficeForm group={group} onDone={() => setAdding(false)} />
          ) : (
            <Group>
              <Button variant="light" onClick={() => setAdding(true)}>
                {t('offices.add')}
              </Button>
            </Group>
          )
        ) : null}
      </Stack>
    </Paper>
  );
}
