import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '../../../shared/meetings.js';
import type { MeetingForm } from './MeetingForm.js';
import { useAllPeople } from './meetings.api.js';

/**
 * Who chairs the meeting, in order: people of the registry, found by typing part of a name. The
 * chairs the meeting has are choices even before the registry is read, so that they show at once.
 */
export function ChairsPicker({ form, chairs = [] }: { form: MeetingForm; chairs?: PersonRef[] }) {
  const { t } = useTranslation('meetingForms');
  const people = useAllPeople();
  const label = (p: Pick<PersonRef, 'name' | 'title'>) =>
    p.title ? t('meeting.about.chairOption', { name: p.name, title: p.title }) : p.name;
  const known = new Map(chairs.map((p) => [p.id, label(p)]));
  for (const p of people.data ?? []) known.set(p.id, label(p));
  return (
    <MultiSelect
      label={t('meeting.about.chairs')}
      description={t('meeting.about.chairsDescription')}
      placeholder={t('meeting.about.chairsPlaceholder')}
      data={[...known].map(([value, text]) => ({ value, label: text }))}
      searchable
      hidePickedOptions
      limit={50}
      maxValues={10}
      nothingFoundMessage={people.isPending ? t('meeting.about.chairsLoading') : t('meeting.about.noPersonMatches')}
      {...form.getInputProps('chairIds')}
    />
  );
}
