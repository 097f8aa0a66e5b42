import { Fieldset, MultiSelect, NativeSelect, Radio, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { LANGUAGES, MEETING_KINDS, VISIBILITIES, WORKING_LANGUAGES } from '../../../shared/enums.js';
import { useEnumOptions } from '../../i18n/enums.js';
import { useLanguage } from '../../i18n/format.js';
import { freeText } from './free-text.js';
import type { MeetingForm } from './MeetingForm.js';
import { COMMON_ZONES, EXAMPLE_ZONE } from './time-zones.js';

/** An active member, as a choice in a list: "France (FRA)". */
export interface MemberOption {
  value: string;
  label: string;
}

interface FieldsetProps {
  form: MeetingForm;
  members: MemberOption[];
}

/**
 * The meeting's own words (title, summary, agenda) are written in its working language, which
 * may not be the reader's: the inputs say so, for spelling checkers and screen readers, and
 * take their direction from what is typed.
 */
export function useWorkingLanguageInput(form: MeetingForm): { lang?: string; styles: typeof freeText } {
  const language = useLanguage();
  const { workingLanguage } = form.getValues();
  return { lang: workingLanguage === language ? undefined : workingLanguage, styles: freeText };
}

/** What the meeting is: its kind, host, title and summary. */
export function AboutFieldset({ form, members }: FieldsetProps) {
  const { t } = useTranslation(['meetingForms', 'enums']);
  const { workingLanguage } = form.getValues();
  const kinds = useEnumOptions('meetingKind', MEETING_KINDS);
  const written = useWorkingLanguageInput(form);
  return (
    <Fieldset legend={t('meeting.about.legend')} variant="unstyled" m={0} classNames={{ legend: 'form-legend' }}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('meeting.about.kind')} data={kinds} {...form.getInputProps('kind')} />
          <NativeSelect
            label={t('meeting.about.host')}
            data={[{ value: '', label: t('meeting.about.noHost') }, ...members]}
            {...form.getInputProps('hostCode')}
          />
        </SimpleGrid>
        <TextInput
          label={t('meeting.about.title')}
          required
          maxLength={300}
          {...written}
          {...form.getInputProps('title')}
        />
        {LANGUAGES.filter((language) => language !== workingLanguage).map((language) => (
          <TextInput
            key={language}
            label={t('meeting.about.titleIn', { language: t(`enums:language.${language}`) })}
            description={t('meeting.about.titleInHint')}
            maxLength={300}
            lang={language}
            styles={freeText}
            {...form.getInputProps(`titleTranslations.${language}`)}
          />
        ))}
        <Textarea
          label={t('meeting.about.summary')}
          autosize
          minRows={2}
          maxLength={5000}
          {...written}
          {...form.getInputProps('summary')}
        />
      </Stack>
    </Fieldset>
  );
}

/** Where, and when in the zone of the place: dates, and times if they are set. */
export function WhereAndWhenFieldset({ form }: { form: MeetingForm }) {
  const { t } = useTranslation(['meetingForms', 'enums']);
  return (
    <Fieldset legend={t('meeting.when.legend')} variant="unstyled" m={0} classNames={{ legend: 'form-legend' }}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('meeting.when.city')} maxLength={200} styles={freeText} {...form.getInputProps('city')} />
          <TextInput
            label={t('meeting.when.venue')}
            maxLength={300}
            styles={freeText}
            {...form.getInputProps('venue')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {LANGUAGES.filter((language) => language !== form.getValues().workingLanguage).map((language) => (
            <TextInput
              key={language}
              label={t('meeting.when.cityIn', { language: t(`enums:language.${language}`) })}
              maxLength={200}
              lang={language}
              styles={freeText}
              {...form.getInputProps(`cityTranslations.${language}`)}
            />
          ))}
        </SimpleGrid>
        {/* An IANA name is Latin script read left to right, in every language (Mantine puts `dir` on the input's box). */}
        <TextInput
          label={t('meeting.when.timeZone')}
          required
          description={t('meeting.when.timeZoneDescription')}
          placeholder={EXAMPLE_ZONE}
          list="time-zones"
          autoComplete="off"
          maxLength={100}
          maw={360}
          dir="ltr"
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
            label={t('meeting.when.startDate')}
            description={t('meeting.when.startDateDescription')}
            required
            {...form.getInputProps('startDate')}
          />
          <TextInput
            type="date"
            label={t('meeting.when.endDate')}
            description={t('meeting.when.endDateDescription')}
            {...form.getInputProps('endDate')}
          />
          <TextInput
            type="time"
            label={t('meeting.when.startTime')}
            description={t('meeting.when.timeDescription')}
            {...form.getInputProps('startTime')}
          />
          <TextInput
            type="time"
            label={t('meeting.when.endTime')}
            description={t('meeting.when.timeDescription')}
            {...form.getInputProps('endTime')}
          />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}

/** Who may see the meeting, in which language it works, and how many seats a delegation has. */
export function WhoTakesPartFieldset({ form, members }: FieldsetProps) {
  const { t } = useTranslation('meetingForms');
  const languages = useEnumOptions('language', WORKING_LANGUAGES);
  const { visibility } = form.getValues();
  return (
    <Fieldset legend={t('meeting.who.legend')} variant="unstyled" m={0} classNames={{ legend: 'form-legend' }}>
      <Stack gap="sm">
        <Radio.Group label={t('meeting.who.visibility')} {...form.getInputProps('visibility')}>
          <Stack gap={6} mt="xs">
            {VISIBILITIES.map((value) => (
              <Radio key={value} value={value} label={t(`meeting.who.visibilityChoice.${value}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {visibility === 'restricted' ? (
          <MultiSelect
            label={t('meeting.who.restrictedTo')}
            data={members}
            searchable
            hidePickedOptions
            nothingFoundMessage={t('meeting.who.noMemberMatches')}
            {...form.getInputProps('restrictedTo')}
          />
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('meeting.who.workingLanguage')}
            description={t('meeting.who.workingLanguageDescription')}
            data={languages}
            {...form.getInputProps('workingLanguage')}
          />
          <TextInput
            label={t('meeting.who.seatQuota')}
            description={
              <Trans t={t} i18nKey="meeting.who.seatQuotaDescription" components={{ formula: <bdi dir="ltr" /> }} />
            }
            maxLength={5}
            dir="ltr"
            {...form.getInputProps('seatQuota')}
          />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}
