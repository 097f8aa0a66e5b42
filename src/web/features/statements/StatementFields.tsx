import { Fieldset, MultiSelect, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, STATEMENT_KINDS, VISIBILITIES } from '../../../shared/enums.js';
import { useEnumOptions } from '../../i18n/enums.js';
import { useFormat, useLanguage } from '../../i18n/format.js';
import { freeText } from '../meetings/free-text.js';
import { useMeetingList } from '../meetings/meetings.api.js';
import { useMemberOptions } from '../members/member-options.js';
import type { EditableField, StatementFormValues } from './statement-form.js';
import { meetingOption } from './statement-title.js';
import './statements.css';

interface StatementFieldsProps {
  form: ReturnType<typeof useForm<StatementFormValues>>;
  /** The fields that may change; the others are shown, disabled. Every one when not given. */
  editable?: ReadonlySet<EditableField>;
  /** A new statement's form also takes the text of version 1 and its note. */
  withText?: boolean;
}

/** A statement's fields, the same on the new and the edit page: what it is, who may see it, its title in the three languages. */
export function StatementFields({ form, editable, withText = false }: StatementFieldsProps) {
  const { t } = useTranslation(['statements', 'enums']);
  const f = useFormat();
  const reader = useLanguage();
  const meetings = useMeetingList(null);
  const kinds = useEnumOptions('statementKind', STATEMENT_KINDS);
  const languages = useEnumOptions('language', LANGUAGES);
  const visibilities = useEnumOptions('visibility', VISIBILITIES);
  const values = form.getValues();
  const locked = (field: EditableField) => (editable ? !editable.has(field) : false);
  const { options: memberOptions } = useMemberOptions();

  return (
    <Stack gap="md" className="statement-fields">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect label={t('new.kind')} data={kinds} disabled={locked('kind')} {...form.getInputProps('kind')} />
        <NativeSelect
          label={t('new.language')}
          description={t('new.languageHint')}
          data={languages}
          disabled={locked('language')}
          {...form.getInputProps('language')}
        />
        <NativeSelect
          label={t('new.visibility')}
          data={visibilities}
          disabled={locked('visibility')}
          {...form.getInputProps('visibility')}
        />
      </SimpleGrid>
      <TextInput
        label={t('new.titleField')}
        required
        maxLength={300}
        lang={values.language}
        styles={freeText}
        disabled={locked('title')}
        {...form.getInputProps('title')}
      />
      <Fieldset legend={t('new.translations')} variant="unstyled" disabled={locked('translations')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {LANGUAGES.filter((l) => l !== values.language).map((language) => (
            <TextInput
              key={language}
              label={t('new.titleIn', { language: t(`enums:language.${language}`) })}
              lang={language}
              maxLength={300}
              styles={freeText}
              {...form.getInputProps(`titleTranslations.${language}`)}
            />
          ))}
        </SimpleGrid>
      </Fieldset>
      <NativeSelect
        label={t('new.meeting')}
        data={[
          { value: '', label: t('new.noMeeting') },
          ...(meetings.data ?? []).map((m) => meetingOption(m, reader, f.date)),
        ]}
        disabled={locked('meetingId')}
        {...form.getInputProps('meetingId')}
      />
      {values.visibility === 'restricted' ? (
        <MultiSelect
          label={t('new.restrictedTo')}
          description={t('new.restrictedToHint')}
          data={memberOptions}
          searchable
          disabled={locked('restrictedTo')}
          {...form.getInputProps('restrictedTo')}
        />
      ) : null}
      {withText ? (
        <>
          <Textarea
            label={t('new.text')}
            description={t('versions.textHint')}
            required
            autosize
            minRows={8}
            maxRows={30}
            lang={values.language}
            styles={freeText}
            {...form.getInputProps('text')}
          />
          <TextInput label={t('versions.note')} maxLength={1000} styles={freeText} {...form.getInputProps('note')} />
        </>
      ) : null}
    </Stack>
  );
}
