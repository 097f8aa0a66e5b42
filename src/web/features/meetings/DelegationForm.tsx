import {
  Alert,
  Button,
  CloseButton,
  Fieldset,
  Group,
  Input,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { type ReactNode, useEffect, useState } from 'react';
import type { DelegateInput, Delegation, PutDelegationBody, RepresentationLevel } from '../../../shared/meetings.js';
import { useBannerFocus } from '../../components/FormAlerts.js';
import { focusFirstError } from '../../components/form-focus.js';
import { extraSeats, LEVEL_LABELS, options, quotaInWords } from './meeting-labels.js';

/** The picker's value for "someone not on record yet": a name and a title are typed instead. */
export const NEW_PERSON = 'new';

/** One seat as the form edits it; `personId` is an id, NEW_PERSON, or '' (nobody chosen). */
export interface SeatValues {
  key: string;
  personId: string;
  name: string;
  title: string;
}

export interface DelegationFormValues {
  level: RepresentationLevel | '';
  head: SeatValues;
  alternates: SeatValues[];
  advisers: SeatValues[];
}

type ListName = 'alternates' | 'advisers';

const seat = (personId = ''): SeatValues => ({ key: randomId(), personId, name: '', title: '' });
const newSeat = (): SeatValues => seat(NEW_PERSON);

/** The delegation as it stands, in the form's terms: everyone named is a person on record. */
export function toFormValues(delegation: Delegation): DelegationFormValues {
  const of = (role: 'alternate' | 'adviser') =>
    delegation.delegates.filter((d) => d.role === role).map((d) => seat(d.person.id));
  return {
    level: delegation.level ?? '',
    head: seat(delegation.head?.id ?? ''),
    alternates: of('alternate'),
    advisers: of('adviser'),
  };
}

function toInput(values: SeatValues): DelegateInput {
  if (values.personId === NEW_PERSON) {
    const title = values.title.trim();
    return { name: values.name.trim(), title: title === '' ? null : title };
  }
  return { personId: values.personId };
}

export function toBody(values: DelegationFormValues): PutDelegationBody {
  return {
    level: values.level === '' ? null : values.level,
    head: values.head.personId === '' ? null : toInput(values.head),
    alternates: values.alternates.map(toInput),
    advisers: values.advisers.map(toInput),
  };
}

export function useDelegationForm(initialValues: DelegationFormValues) {
  const nameRequired = (value: string, row: SeatValues) =>
    row.personId === NEW_PERSON && value.trim() === '' ? 'Enter the name' : null;
  // Only what the server would refuse for sure is checked here; its answer decides the rest.
  const chosen = (value: string) => (value === '' ? 'Choose someone on record, or someone new' : null);
  return useForm<DelegationFormValues>({
    mode: 'controlled',
    initialValues,
    validate: {
      head: {
        personId: (value, values) =>
          value === '' && values.alternates.length + values.advisers.length > 0
            ? 'Name the head: a delegation with alternates or advisers needs one'
            : null,
        name: (value, values) => nameRequired(value, values.head),
      },
      alternates: {
        personId: chosen,
        name: (value, values, path) => nameRequired(value, values.alternates[Number(path.split('.')[1])]),
      },
      advisers: {
        personId: chosen,
        name: (value, values, path) => nameRequired(value, values.advisers[Number(path.split('.')[1])]),
      },
    },
  });
}

export type DelegationForm = ReturnType<typeof useDelegationForm>;

/** Someone who may sit on the delegation: a person on record for the member. */
export interface Candidate {
  id: string;
  name: string;
  title: string | null;
}

interface SeatFieldsProps {
  form: DelegationForm;
  path: string;
  label: string;
  people: Candidate[];
  /** The head may be left unnamed; an alternate's or adviser's row must name someone. */
  allowNobody: boolean;
  onRemove?: () => void;
}

/** One seat: a person of the member on record, or someone new by name and title. */
function SeatFields({ form, path, label, people, allowNobody, onRemove }: SeatFieldsProps) {
  const value = form.getInputProps(`${path}.personId`).value as string;
  const data = [
    { value: '', label: allowNobody ? 'Not named yet' : 'Choose…' },
    ...people.map((p) => ({ value: p.id, label: p.title ? `${p.name} — ${p.title}` : p.name })),
    { value: NEW_PERSON, label: 'Someone new (type the name)' },
  ];
  return (
    <Paper withBorder p="sm" data-seat={path}>
      <Stack gap="xs">
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <NativeSelect label={label} data={data} style={{ flex: 1 }} {...form.getInputProps(`${path}.personId`)} />
          {onRemove ? (
            <CloseButton size="lg" mb={2} aria-label={`Remove ${label.toLowerCase()}`} onClick={onRemove} />
          ) : null}
        </Group>
        {value === NEW_PERSON ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <TextInput
              label={`Name of ${label.toLowerCase()}`}
              required
              maxLength={200}
              autoComplete="off"
              {...form.getInputProps(`${path}.name`)}
            />
            <TextInput
              label={`Title of ${label.toLowerCase()}`}
              description="Optional, e.g. Minister of Foreign Affairs"
              maxLength={300}
              autoComplete="off"
              {...form.getInputProps(`${path}.title`)}
            />
          </SimpleGrid>
        ) : null}
      </Stack>
    </Paper>
  );
}

export interface DelegationFieldsProps {
  form: DelegationForm;
  seatQuota: string;
  people: Candidate[];
  submitting: boolean;
  banner?: ReactNode;
  onSubmit: (values: DelegationFormValues) => void;
  onCancel: () => void;
}

const LEVEL_OPTIONS = [{ value: '', label: 'Not given' }, ...options(LEVEL_LABELS)];
const ROLE_WORDS: Record<ListName, { one: string; add: string }> = {
  alternates: { one: 'Alternate', add: 'Add an alternate' },
  advisers: { one: 'Adviser', add: 'Add an adviser' },
};

/** Level, head, alternates and advisers, within the meeting's seat quota. */
export function DelegationFields(props: DelegationFieldsProps) {
  const { form, seatQuota, people, submitting, banner, onSubmit, onCancel } = props;
  const values = form.getValues();
  const allowed = extraSeats(seatQuota);
  const taken = values.alternates.length + values.advisers.length;
  const full = taken >= allowed;
  const over = taken - allowed;
  const [blocked, setBlocked] = useState(false);
  const bannerRef = useBannerFocus(Boolean(banner));

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

  const listError = (list: ListName) => {
    const error = form.errors[list];
    return error ? (
      <Text c="red" size="sm" role="alert">
        {error}
      </Text>
    ) : null;
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
      {listError(list)}
    </Stack>
  );

  return (
    <Paper withBorder p="lg" component="form" onSubmit={form.onSubmit(onSubmit, focusFirstError)} noValidate maw={820}>
      <Stack gap="lg">
        {banner ? (
          <div ref={bannerRef} tabIndex={-1} className="form-banner">
            {banner}
          </div>
        ) : null}

        <NativeSelect
          label="Level of representation"
          description="The rank of the head of delegation"
          data={LEVEL_OPTIONS}
          maw={360}
          {...form.getInputProps('level')}
        />

        <div>
          <SeatFields form={form} path="head" label="Head of delegation" people={people} allowNobody />
          {form.errors.head ? (
            <Text c="red" size="sm" role="alert" mt={4}>
              {form.errors.head}
            </Text>
          ) : null}
        </div>

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
          <Input.Description>
            Someone new is added to the member's people when the delegation is saved.
          </Input.Description>
        </Stack>

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            Save the delegation
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
