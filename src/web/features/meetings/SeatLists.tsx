import { Alert, Button, Fieldset, Group, Input, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DelegationForm } from './DelegationForm.js';
import { type Candidate, type ListName, newSeat } from './delegation-form.js';
import { extraSeats } from './meeting-labels.js';
import { SeatFields } from './SeatFields.js';

interface SeatListsProps {
  form: DelegationForm;
  seatQuota: string;
  people: Candidate[];
}

/** Alternates and advisers, who share the seats the quota gives beside the head, and the buttons that add them. */
export function SeatLists({ form, seatQuota, people }: SeatListsProps) {
  const { t } = useTranslation('meetingForms');
  const values = form.getValues();
  const allowed = extraSeats(seatQuota);
  const taken = values.alternates.length + values.advisers.length;
  const full = taken >= allowed;
  const over = taken - allowed;
  const [blocked, setBlocked] = useState(false);

  // The quota message goes away as soon as a seat is free again.
  useEffect(() => {
    if (!full) setBlocked(false);
  }, [full]);

  const add = (list: ListName) => {
    // The button stays focusable when the quota is reached, so that it can say why it adds nobody.
    if (full) {
      setBlocked(true);
      return;
    }
    form.insertListItem(list, newSeat());
    const index = form.getValues()[list].length - 1;
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-seat="${list}.${index}"] select`)?.focus());
  };

  const seatList = (list: ListName) => (
    <Stack gap="xs">
      {values[list].map((row, index) => (
        <SeatFields
          key={row.key}
          form={form}
          seat={{ list, index }}
          people={people}
          allowNobody={false}
          onRemove={() => form.removeListItem(list, index)}
        />
      ))}
      {values[list].length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('seats.none')}
        </Text>
      ) : null}
      {form.errors[list] ? (
        <Text c="red" size="sm" role="alert">
          {form.errors[list]}
        </Text>
      ) : null}
    </Stack>
  );

  return (
    <Stack gap="sm">
      <Fieldset legend={t('seats.alternates')} variant="unstyled" m={0} classNames={{ legend: 'form-legend' }}>
        {seatList('alternates')}
      </Fieldset>
      <Fieldset legend={t('seats.advisers')} variant="unstyled" m={0} classNames={{ legend: 'form-legend' }}>
        {seatList('advisers')}
      </Fieldset>

      {/* Beside the buttons it governs: a press that adds nobody is answered where it was made. */}
      <Alert
        variant="light"
        color={blocked || over > 0 ? 'orange' : 'blue'}
        id="quota"
        role={blocked ? 'alert' : 'status'}
      >
        <Text size="sm" fw={600}>
          {allowed === 0
            ? t('seats.quotaAlone', { quota: seatQuota })
            : t('seats.quota', { quota: seatQuota, count: allowed })}
        </Text>
        <Text size="sm">
          {t('seats.taken', { taken, count: allowed })}
          {over > 0 ? ` ${t('seats.over', { count: over })}` : null}
          {blocked && over <= 0 ? ` ${t('seats.reached')}` : null}
        </Text>
      </Alert>

      <Group gap="sm">
        {(['alternates', 'advisers'] as const).map((list) => (
          <Button
            key={list}
            variant="light"
            onClick={() => add(list)}
            data-disabled={full || undefined}
            aria-disabled={full}
            aria-describedby="quota"
          >
            {t(`seats.add.${list}`)}
          </Button>
        ))}
      </Group>
      <Input.Description>{t('seats.newPeople')}</Input.Description>
    </Stack>
  );
}
