import { CloseButton, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { DelegationForm } from './DelegationForm.js';
import { type Candidate, NEW_PERSON } from './delegation-form.js';

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
export function SeatFields({ form, path, label, people, allowNobody, onRemove }: SeatFieldsProps) {
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
