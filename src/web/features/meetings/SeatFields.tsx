import { CloseButton, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DelegationForm } from './DelegationForm.js';
import { type Candidate, type ListName, NEW_PERSON } from './delegation-form.js';
import { freeText } from './free-text.js';

/** Which seat: the head's, or a row of the alternates or the advisers (from 0). */
export type Seat = { list: 'head' } | { list: ListName; index: number };

interface SeatFieldsProps {
  form: DelegationForm;
  seat: Seat;
  people: Candidate[];
  /** The head may be left unnamed; an alternate's or adviser's row must name someone. */
  allowNobody: boolean;
  onRemove?: () => void;
}

/** One seat: a person of the member on record, or someone new by name and title. */
export function SeatFields({ form, seat, people, allowNobody, onRemove }: SeatFieldsProps) {
  const { t } = useTranslation('meetingForms');
  const path = seat.list === 'head' ? 'head' : `${seat.list}.${seat.index}`;
  // Each seat has its own words ("Name of adviser 2"), not a label slotted into a sentence:
  // French and Arabic phrase "the name of" differently for each.
  const words =
    seat.list === 'head'
      ? { label: t('seat.head.label'), name: t('seat.head.name'), title: t('seat.head.title'), remove: '' }
      : {
          label: t(`seat.${seat.list}.label`, { number: seat.index + 1 }),
          name: t(`seat.${seat.list}.name`, { number: seat.index + 1 }),
          title: t(`seat.${seat.list}.title`, { number: seat.index + 1 }),
          remove: t(`seat.${seat.list}.remove`, { number: seat.index + 1 }),
        };
  const value = form.getInputProps(`${path}.personId`).value as string;
  const data = [
    { value: '', label: allowNobody ? t('seat.nobody') : t('seat.choose') },
    ...people.map((p) => ({
      value: p.id,
      label: p.title ? t('seat.personWithTitle', { name: p.name, title: p.title }) : p.name,
    })),
    { value: NEW_PERSON, label: t('seat.someoneNew') },
  ];
  return (
    <Paper withBorder p="sm" data-seat={path}>
      <Stack gap="xs">
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <NativeSelect
            label={words.label}
            data={data}
            style={{ flex: 1 }}
            {...form.getInputProps(`${path}.personId`)}
          />
          {onRemove ? <CloseButton size="lg" mb={2} aria-label={words.remove} onClick={onRemove} /> : null}
        </Group>
        {value === NEW_PERSON ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <TextInput
              label={words.name}
              required
              maxLength={200}
              autoComplete="off"
              styles={freeText}
              {...form.getInputProps(`${path}.name`)}
            />
            <TextInput
              label={words.title}
              description={t('seat.titleDescription')}
              maxLength={300}
              autoComplete="off"
              styles={freeText}
              {...form.getInputProps(`${path}.title`)}
            />
          </SimpleGrid>
        ) : null}
      </Stack>
    </Paper>
  );
}
