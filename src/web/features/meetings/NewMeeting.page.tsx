import {
  Anchor,
  Breadcrumbs,
  Button,
  CloseButton,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CreateMeetingBody, MeetingKind, Visibility, WorkingLanguage } from '../../../shared/meetings.js';
import { isApiError } from '../../app/api.js';
import { ProblemAlert, useBannerFocus } from '../../components/FormAlerts.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { focusFirstError } from '../../components/form-focus.js';
import { orNull } from '../../components/form-values.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useMembers } from '../members/members.api.js';
import { KIND_LABELS, LANGUAGE_LABELS, options } from './meeting-labels.js';
import { useCreateMeeting } from './meetings.api.js';

/** Zones the coalition meets in most; any IANA zone is accepted, and the server checks it. */
const COMMON_ZONES = [
  'Europe/Brussels',
  'Europe/Paris',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Rome',
  'Europe/Amsterdam',
  'Europe/Copenhagen',
  'Europe/Istanbul',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Toronto',
  'Asia/Baghdad',
  'Asia/Riyadh',
  'Asia/Kuwait',
  'Asia/Bahrain',
  'Asia/Qatar',
  'Asia/Dubai',
  'Asia/Amman',
  'Asia/Beirut',
  'Africa/Cairo',
  'Africa/Casablanca',
  'Africa/Lagos',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Australia/Sydney',
  'UTC',
];

interface AgendaRow {
  key: string;
  title: string;
  lineOfEffort: string;
}

interface MeetingFormValues {
  kind: MeetingKind;
  title: string;
  hostCode: string;
  city: string;
  venue: string;
  timeZone: string;
  startDate: string;
  endDate: string;
  startTime: string;
  endTime: string;
  visibility: Visibility;
  restrictedTo: string[];
  workingLanguage: WorkingLanguage;
  seatQuota: string;
  summary: string;
  agenda: AgendaRow[];
}

const initialValues: MeetingFormValues = {
  kind: 'ministerial',
  title: '',
  hostCode: '',
  city: '',
  venue: '',
  timeZone: '',
  startDate: '',
  endDate: '',
  startTime: '',
  endTime: '',
  visibility: 'public',
  restrictedTo: [],
  workingLanguage: 'en',
  seatQuota: '1+3',
  summary: '',
  agenda: [],
};

function toBody(v: MeetingFormValues): Partial<CreateMeetingBody> {
  return {
    kind: v.kind,
    title: v.title.trim(),
    hostCode: orNull(v.hostCode),
    city: orNull(v.city),
    venue: orNull(v.venue),
    timeZone: v.timeZone.trim(),
    startDate: v.startDate,
    // A one-day meeting: the end date is the start date.
    endDate: v.endDate || v.startDate,
    startTime: orNull(v.startTime),
    endTime: orNull(v.endTime),
    status: 'planned',
    visibility: v.visibility,
    restrictedTo: v.visibility === 'restricted' ? v.restrictedTo : [],
    workingLanguage: v.workingLanguage,
    seatQuota: v.seatQuota.trim(),
    summary: orNull(v.summary),
    agenda: v.agenda.map((a) => ({ title: a.title.trim(), lineOfEffort: orNull(a.lineOfEffort) })),
  };
}

const required = (what: string) => (value: string) => (value.trim() === '' ? `Enter ${what}` : null);

/** The secretariat plans a meeting: what, where, when (in the zone of the place), who may see it. */
export function NewMeetingPage() {
  const navigate = useNavigate();
  const members = useMembers();
  const create = useCreateMeeting();
  const [problems, setProblems] = useState<{ title: string; lines: string[] } | null>(null);
  const form = useForm<MeetingFormValues>({
    mode: 'controlled',
    initialValues,
    validate: {
      title: required('a title'),
      timeZone: required('the time zone of the place, e.g. Europe/Brussels'),
      startDate: required('the date'),
    },
  });
  const values = form.getValues();
  const memberOptions = (members.data ?? [])
    .filter((m) => m.status === 'active')
    .map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }));

  const bannerRef = useBannerFocus(Boolean(problems));

  const submit = (v: MeetingFormValues) => {
    setProblems(null);
    create.mutate(toBody(v), {
      onSuccess: (meeting) => {
        notifications.show({ color: 'green', title: 'Meeting created', message: `${meeting.title} is planned.` });
        navigate(`/meetings/${meeting.id}`);
      },
      onError: (error) => {
        const unmatched = applyFieldErrors(form, error);
        // A member listed under "restricted to" is one field on the form, not one per code.
        const onList = (isApiError(error) ? error.fieldErrors : []).find((f) => f.path.startsWith('restrictedTo'));
        if (onList) form.setFieldError('restrictedTo', onList.message);
        if (isApiError(error, 400)) setProblems({ title: 'Some fields need a correction', lines: unmatched });
        else if (isApiError(error, 401))
          setProblems({ title: 'Your session has ended', lines: ['Sign in again, then create the meeting.'] });
        else setProblems({ title: 'The meeting was not created', lines: [error.message] });
      },
    });
  };

  return (
    <Stack gap="lg">
      <PageTitle title="New meeting" />
      <Breadcrumbs>
        <Anchor component={Link} to="/secretariat">
          Secretariat
        </Anchor>
        <Text span>New meeting</Text>
      </Breadcrumbs>
      <Title order={1}>New meeting</Title>
      <Paper
        withBorder
        p="lg"
        component="form"
        onSubmit={form.onSubmit(submit, focusFirstError)}
        noValidate
        maw={820}
        aria-label="New meeting"
      >
        <Stack gap="lg">
          {problems ? (
            <div ref={bannerRef} tabIndex={-1} className="form-banner">
              <ProblemAlert title={problems.title} lines={problems.lines} />
            </div>
          ) : null}

          <Fieldset legend="The meeting" variant="unstyled" m={0} classNames={{ legend: 'form-legend' }}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NativeSelect label="Kind" data={options(KIND_LABELS)} {...form.getInputProps('kind')} />
                <NativeSelect
                  label="Host"
                  data={[{ value: '', label: 'No host' }, ...memberOptions]}
                  {...form.getInputProps('hostCode')}
                />
              </SimpleGrid>
              <TextInput label="Title" required maxLength={300} {...form.getInputProps('title')} />
              <Textarea label="Summary" autosize minRows={2} maxLength={5000} {...form.getInputProps('summary')} />
            </Stack>
          </Fieldset>

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
                <TextInput
                  type="date"
                  label="End date"
                  description="Blank for one day"
                  {...form.getInputProps('endDate')}
                />
                <TextInput
                  type="time"
                  label="Start time"
                  description="Blank if not set"
                  {...form.getInputProps('startTime')}
                />
                <TextInput
                  type="time"
                  label="End time"
                  description="Blank if not set"
                  {...form.getInputProps('endTime')}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>

          <Fieldset legend="Who takes part" variant="unstyled" m={0} classNames={{ legend: 'form-legend' }}>
            <Stack gap="sm">
              <Radio.Group label="Visibility" {...form.getInputProps('visibility')}>
                <Stack gap={6} mt="xs">
                  <Radio value="public" label="Public: anyone, signed in or not" />
                  <Radio value="coalition" label="Coalition: anyone signed in" />
                  <Radio value="restricted" label="Restricted: the secretariat and the members listed" />
                </Stack>
              </Radio.Group>
              {values.visibility === 'restricted' ? (
                <MultiSelect
                  label="Members who may see it"
                  data={memberOptions}
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

          <Fieldset legend="Agenda" variant="unstyled" m={0} classNames={{ legend: 'form-legend' }}>
            <Stack gap="xs">
              {values.agenda.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No item yet.
                </Text>
              ) : null}
              {values.agenda.map((item, index) => (
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
                <Button
                  variant="light"
                  onClick={() => {
                    form.insertListItem('agenda', { key: randomId(), title: '', lineOfEffort: '' });
                    const index = form.getValues().agenda.length - 1;
                    requestAnimationFrame(() =>
                      document.querySelector<HTMLElement>(`[data-agenda-item="${index}"] input`)?.focus(),
                    );
                  }}
                >
                  Add an agenda item
                </Button>
              </Group>
            </Stack>
          </Fieldset>

          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate('/secretariat')} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create the meeting
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
