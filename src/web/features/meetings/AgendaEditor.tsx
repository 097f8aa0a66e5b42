import { Button, CloseButton, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { randomId } from '@mantine/hooks';
import type { MeetingForm } from './MeetingForm.js';
import type { AgendaRow } from './meeting-form.js';

const newItem = (): AgendaRow => ({ key: randomId(), title: '', lineOfEffort: '' });

/** The agenda of a new meeting: items in order, each with its line of effort if it has one. */
export function AgendaEditor({ form }: { form: MeetingForm }) {
  const { agenda } = form.getValues();

  const add = () => {
    form.insertListItem('agenda', newItem());
    const index = form.getValues().agenda.length - 1;
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-agenda-item="${index}"] input`)?.focus());
  };

  return (
    <Fieldset legend="Agenda" variant="unstyled" m={0} classNames={{ legend: 'form-legend' }}>
      <Stack gap="xs">
        {agenda.length === 0 ? (
          <Text size="sm" c="dimmed">
            No item yet.
          </Text>
        ) : null}
        {agenda.map((item, index) => (
          <Group key={item.key} align="flex-start" gap="xs" wrap="nowrap" data-agenda-item={index}>
            <TextInput
              label={`Item ${index + 1}`}
              maxLength={500}
              style={{ flex: 3 }}
              {...form.getInputProps(`agenda.${index}.title`)}
            />
            <TextInput
              label={`Line of effort of item ${index + 1}`}
              placeholder="Optional"
              maxLength={50}
              style={{ flex: 1 }}
              {...form.getInputProps(`agenda.${index}.lineOfEffort`)}
            />
            <CloseButton
              mt={28}
              size="lg"
              aria-label={`Remove item ${index + 1}`}
              onClick={() => form.removeListItem('agenda', index)}
            />
          </Group>
        ))}
        <Group>
          <Button variant="light" onClick={add}>
            Add an agenda item
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
