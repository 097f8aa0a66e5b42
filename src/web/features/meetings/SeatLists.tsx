import { Alert, Button, Fieldset, Group, Input, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { DelegationForm } from './DelegationForm.js';
import { type Candidate, type ListName, newSeat } from './delegation-form.js';
import { extraSeats, quotaInWords } from './meeting-labels.js';
import { SeatFields } from './SeatFields.js';

const ROLE_WORDS: Record<ListName, { one: string; add: string }> = {
  alternates: { one: 'Alternate', add: 'Add an alternate' },
  advisers: { one: 'Adviser', add: 'Add an adviser' },
};

interface SeatListsProps {
  form: DelegationForm;
  seatQuota: string;
  people: Candidate[];
}

/** Alternates and advisers, who share the seats the quota gives beside the head, and the buttons that add them. */
export function SeatLists({ form, seatQuota, people }: SeatListsProps) {
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
          path={`${list}.${index}`}
          label={`${ROLE_WORDS[list].one} ${index + 1}`}
          people={people}
          allowNobody={false}
          onRemove={() => form.removeListItem(list, index)}
        />
      ))}
      {values[list].length === 0 ? (
        <Text size="sm" c="dimmed">
          None.
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
      <Fieldset legend="Alternates" variant="unstyled" m={0} classNames={{ legend: 'form-legend' }}>
        {seatList('alternates')}
      </Fieldset>
      <Fieldset legend="Advisers" variant="unstyled" m={0} classNames={{ legend: 'form-legend' }}>
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
          Seat quota {quotaInWords(seatQuota)}.
        </Text>
        <Text size="sm">
          {taken} of {allowed} {allowed === 1 ? 'seat' : 'seats'} beside the head taken (alternates and advisers
          together).
          {over > 0 ? ` ${over === 1 ? 'One' : over} too many: remove ${over === 1 ? 'someone' : 'some'}.` : ''}
          {blocked && over <= 0 ? ' The quota is reached: remove someone before adding another.' : ''}
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
            {ROLE_WORDS[list].add}
          </Button>
        ))}
      </Group>
      <Input.Description>Someone new is added to the member's people when the delegation is saved.</Input.Description>
    </Stack>
  );
}
