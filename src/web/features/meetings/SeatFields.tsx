import {
  Button,
  CloseButton,
  type ComboboxItem,
  Group,
  type OptionsFilter,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { foldName } from '../../../shared/fold.js';
import type { DelegationForm } from './DelegationForm.js';
import { type Candidate, type ListName, NEW_PERSON } from './delegation-form.js';
import { freeText } from './free-text.js';
import { usePersonOffers } from './person-offers.js';

/**
 * Names compared as the server compares them (folded: case, accents, spaces), anywhere in the
 * name; "Someone new" is always offered.
 */
const byFoldedName: OptionsFilter = ({ options, search }) => {
  const wanted = foldName(search);
  return (options as ComboboxItem[]).filter((o) => o.value === NEW_PERSON || foldName(o.label).includes(wanted));
};

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
  const offers = usePersonOffers();
  const picker = form.getInputProps(`${path}.personId`);
  const value = picker.value as string;
  // The member's people on record first, then someone new.
  const data = [
    ...people.map((p) => ({
      value: p.id,
      label: p.title ? t('seat.personWithTitle', { name: p.name, title: p.title }) : p.name,
    })),
    { value: NEW_PERSON, label: t('seat.someoneNew') },
  ];
  // A save refused this name because the member has the person already: offered with one click,
  // as long as the name typed is still theirs.
  const typed = form.getInputProps(`${path}.name`).value as string;
  const offer = offers[`${path}.name`];
  const offered = value === NEW_PERSON && offer && foldName(offer.name) === foldName(typed) ? offer : null;
  const choose = (personId: string) => {
    form.setFieldValue(`${path}.personId`, personId);
    form.setFieldValue(`${path}.name`, '');
    form.setFieldValue(`${path}.title`, '');
    form.clearFieldError(`${path}.name`);
  };
  return (
    <Paper withBorder p="sm" data-seat={path}>
      <Stack gap="xs">
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <Select
            label={words.label}
            placeholder={allowNobody ? t('seat.nobody') : t('seat.choose')}
            data={data}
            searchable
            filter={byFoldedName}
            clearable={allowNobody}
            // Choosing the chosen option again keeps it (a click on "Someone new" must not drop the name typed).
            allowDeselect={false}
            nothingFoundMessage={t('seat.nothingFound')}
            style={{ flex: 1 }}
            {...picker}
            value={value === '' ? null : value}
            onChange={(next) => picker.onChange(next ?? '')}
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
        {offered ? (
          <Group>
            <Button variant="light" size="xs" onClick={() => choose(offered.personId)}>
              {t('seat.useOffered', { name: offered.name })}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
