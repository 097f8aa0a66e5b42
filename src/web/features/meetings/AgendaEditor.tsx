import { Button, CloseButton, Fieldset, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { randomId } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/format.js';
import { nameIn } from '../progress/office-form.js';
import { useLinesOfEffort } from '../progress/progress.api.js';
import { useWorkingLanguageInput } from './MeetingFieldsets.js';
import type { MeetingForm } from './MeetingForm.js';
import type { AgendaRow } from './meeting-form.js';

const newItem = (): AgendaRow => ({ key: randomId(), title: '', lineOfEffort: '' });

/** The agenda of a new meeting: items in order, each with its line of effort if it has one. */
export function AgendaEditor({ form }: { form: MeetingForm }) {
  const { t } = useTranslation('meetingForms');
  const written = useWorkingLanguageInput(form);
  const { agenda } = form.getValues();
  const language = useLanguage();
  const lines = useLinesOfEffort().data ?? [];
  // The lines by name in the reader's language; a key no line has any more stays, as it is, to be changed.
  const lineOptions = [
    { value: '', label: t('agenda.noLine') },
    ...lines.map((l) => ({ value: l.key, label: `${l.number}. ${nameIn(l.names, language).text}` })),
    ...[...new Set(agenda.map((item) => item.lineOfEffort))]
      .filter((key) => key && !lines.some((l) => l.key === key))
      .map((key) => ({ value: key, label: key })),
  ];

  const add = () => {
    form.insertListItem('agenda', newItem());
    const index = form.getValues().agenda.length - 1;
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-agenda-item="${index}"] input`)?.focus());
  };

  return (
    <Fieldset legend={t('agenda.legend')} variant="unstyled" m={0} classNames={{ legend: 'form-legend' }}>
      <Stack gap="xs">
        {agenda.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('agenda.empty')}
          </Text>
        ) : null}
        {agenda.map((item, index) => (
          // On a phone the item's title takes the whole line; its line of effort and the remove button the next.
          <Group key={item.key} align="flex-start" gap="xs" data-agenda-item={index}>
            <TextInput
              label={t('agenda.item', { number: index + 1 })}
              maxLength={500}
              style={{ flex: '3 1 16rem' }}
              {...written}
              {...form.getInputProps(`agenda.${index}.title`)}
            />
            <NativeSelect
              label={t('agenda.lineOfEffort', { number: index + 1 })}
              data={lineOptions}
              style={{ flex: '1 1 8rem' }}
              {...form.getInputProps(`agenda.${index}.lineOfEffort`)}
            />
            <CloseButton
              mt={28}
              size="lg"
              aria-label={t('agenda.remove', { number: index + 1 })}
              onClick={() => form.removeListItem('agenda', index)}
            />
          </Group>
        ))}
        <Group>
          <Button variant="light" onClick={add}>
            {t('agenda.add')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
