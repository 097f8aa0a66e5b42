import { Fieldset, MultiSelect, NativeSelect, Radio, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { MeetingForm } from './MeetingForm.js';
import { KIND_LABELS, LANGUAGE_LABELS, options } from './meeting-labels.js';
import { COMMON_ZONES } from './time-zones.js';

/** An active member, as a choice in a list: "France (FRA)". */
export interface MemberOption {
  value: string;
  label: string;
}

interface FieldsetProps {
  form: MeetingForm;
  members: MemberOption[];
}

/** What the meeting is: its kind, host, title and summary. */
export function AboutFieldset({ form, members }: FieldsetProps) {
  return (
    <Fieldset legend="The meeting" variant="unstyled" m={0} classNames={{ legend: 'form-legend' }}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label="Kind" data={options(KIND_LABELS)} {...form.getInputProps('kind')} />
          <NativeSelect
            label="Host"
            data={[{ value: '', label: 'No host' }, ...members]}
            {...form.getInputProps('hostCode')}
          />
        </SimpleGrid>
        <TextInput label="Title" required maxLength={300} {...form.getInputProps('title')} />
        <Textarea label="Summary" autosize minRows={2} maxLength={5000} {...form.getInputProps('summary')} />
      </Stack>
    </Fieldset>
  );
}

/** Where, and when in the zone of the place: dates, and times if they are set. */
export function WhereAndWhenFieldset({ form }: { form: MeetingForm }) {
  return (
    <Fieldset legend="Where and when" variant="unstyled" m={0} classNames={{ legend: 'form-legend' }}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="City" maxLength={200} {...form.getInputProps('city')} />
          <TextInput label="Venue" maxLength={300} {...form.getInputProps('venue')} />
        </SimpleGrid>
        <TextInput
          label="Time zone"
          required
          description="The zone of the place where the meeting is held (IANA name). Dates and times below are local to it."
          placeholder="Europe/Brussels"
          list="time-zones"
          autoComplete="off"
          maxLength={100}
          maw={360}
          {...form.getInputProps('timeZone')}
        />
        <datalist id="time-zones">
          {COMMON_ZONES.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <SimpleGrid cols={{ base: 1, xs: 2, sm: 4 }}>
          <TextInput
            type="date"
            label="Start date"
            description="The first day"
            required
            {...form.getInputProps('startDate')}
          />
          <TextInput type="date" label="End date" description="Blank for one day" {...form.getInputProps('endDate')} />
          <TextInput
            type="time"
            label="Start time"
            description="Blank if not set"
            {...form.getInputProps('startTime')}
          />
          <TextInput type="time" label="End time" description="Blank if not set" {...form.getInputProps('endTime')} />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}

/** Who may see the meeting, in which language it works, and how many seats a delegation has. */
export function WhoTakesPartFieldset({ form, members }: FieldsetProps) {
  const { visibility } = form.getValues();
  return (
    <Fieldset legend="Who takes part" variant="unstyled" m={0} classNames={{ legend: 'form-legend' }}>
      <Stack gap="sm">
        <Radio.Group label="Visibility" {...form.getInputProps('visibility')}>
          <Stack gap={6} mt="xs">
            <Radio value="public" label="Public: anyone, signed in or not" />
            <Radio value="coalition" label="Coalition: anyone signed in" />
            <Radio value="restricted" label="Restricted: the secretariat and the members listed" />
          </Stack>
        </Radio.Group>
        {visibility === 'restricted' ? (
          <MultiSelect
            label="Members who may see it"
            data={members}
            searchable
            hidePickedOptions
            nothingFoundMessage="No member matches"
            {...form.getInputProps('restrictedTo')}
          />
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label="Working language"
            description="Sets the protocol order of the delegations"
            data={options(LANGUAGE_LABELS)}
            {...form.getInputProps('workingLanguage')}
          />
          <TextInput
            label="Seat quota"
            description="Written 1+N: the head of delegation and up to N others"
            maxLength={5}
            {...form.getInputProps('seatQuota')}
          />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}
