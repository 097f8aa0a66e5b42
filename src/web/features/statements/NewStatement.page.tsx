import {
  Anchor,
  Breadcrumbs,
  Fieldset,
  MultiSelect,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LANGUAGES, STATEMENT_KINDS, VISIBILITIES } from '../../../shared/enums.js';
import { FormActions, FormBanner } from '../../components/FormAlerts.js';
import { focusFirstError } from '../../components/form-focus.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { useEnumOptions } from '../../i18n/enums.js';
import { useFormat, useLanguage } from '../../i18n/format.js';
import { problemMessage } from '../../i18n/problem.js';
import { freeText } from '../meetings/free-text.js';
import { useMeetingList } from '../meetings/meetings.api.js';
import { useMemberName } from '../members/member-name.js';
import { useMembers } from '../members/members.api.js';
import {
  emptyStatement,
  type StatementFormValues,
  statementFieldOf,
  toCreateStatementBody,
  toVersionBody,
} from './statement-form.js';
import { meetingOption } from './statement-title.js';
import { useAddVersion, useCreateStatement } from './statements.api.js';

/**
 * The secretariat writes a statement: what it is, who may see it, its title in the three
 * languages, then the text of version 1 in Markdown. Two saves: the statement, then its version.
 */
export function NewStatementPage() {
  const { t, i18n } = useTranslation(['statements', 'enums', 'common']);
  const f = useFormat();
  const reader = useLanguage();
  const navigate = useNavigate();
  const memberName = useMemberName();
  const members = useMembers();
  const meetings = useMeetingList(null);
  const create = useCreateStatement();
  const addVersion = useAddVersion();
  const kinds = useEnumOptions('statementKind', STATEMENT_KINDS);
  const languages = useEnumOptions('language', LANGUAGES);
  const visibilities = useEnumOptions('visibility', VISIBILITIES);
  const form = useForm<StatementFormValues>({
    mode: 'controlled',
    initialValues: { ...emptyStatement, language: reader },
  });
  const submission = useFormSubmission(form, { record: 'statement', fieldOf: statementFieldOf });
  const values = form.getValues();
  const title = t('new.title');
  const memberOptions = useMemo(
    () =>
      (members.data ?? [])
        .map((m) => ({ value: m.code, label: `${memberName(m)} (${m.code})` }))
        .sort((a, b) => a.label.localeCompare(b.label, f.locale)),
    [members.data, memberName, f.locale],
  );

  const submit = async (v: StatementFormValues) => {
    submission.clear();
    let id: string;
    try {
      id = (await create.mutateAsync(toCreateStatementBody(v))).id;
    } catch (error) {
      submission.fail(error);
      return;
    }
    try {
      await addVersion.mutateAsync({ ...toVersionBody(v), statementId: id });
      notifications.show({ color: 'green', message: t('new.created') });
    } catch (error) {
      // The statement is saved: its page offers to add the version again.
      notifications.show({
        color: 'orange',
        title: t('new.versionNotSaved'),
        message: problemMessage(i18n.getFixedT(null, 'common'), error),
      });
    }
    navigate(`/statements/${id}`);
  };

  return (
    <Stack gap="lg">
      <PageTitle title={title} />
      <Breadcrumbs>
        <Anchor component={Link} to="/statements">
          {t('list.title')}
        </Anchor>
        <Text span>{title}</Text>
      </Breadcrumbs>
      <Title order={1}>{title}</Title>
      <Paper
        withBorder
        p="md"
        component="form"
        onSubmit={form.onSubmit(submit, focusFirstError)}
        noValidate
        aria-label={title}
      >
        <Stack gap="md">
          <FormBanner>{submission.banner}</FormBanner>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect label={t('new.kind')} data={kinds} {...form.getInputProps('kind')} />
            <NativeSelect
              label={t('new.language')}
              description={t('new.languageHint')}
              data={languages}
              {...form.getInputProps('language')}
            />
            <NativeSelect label={t('new.visibility')} data={visibilities} {...form.getInputProps('visibility')} />
          </SimpleGrid>
          <TextInput
            label={t('new.titleField')}
            required
            maxLength={300}
            lang={values.language}
            styles={freeText}
            {...form.getInputProps('title')}
          />
          <Fieldset legend={t('new.translations')} variant="unstyled">
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
            {...form.getInputProps('meetingId')}
          />
          {values.visibility === 'restricted' ? (
            <MultiSelect
              label={t('new.restrictedTo')}
              description={t('new.restrictedToHint')}
              data={memberOptions}
              searchable
              {...form.getInputProps('restrictedTo')}
            />
          ) : null}
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
          <FormActions
            submitLabel={t('new.submit')}
            submitting={create.isPending || addVersion.isPending}
            onCancel={() => navigate('/statements')}
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
