import { Anchor, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Meeting } from '../../../shared/meetings.js';
import { useLanguage } from '../../i18n/format.js';
import { nameIn } from '../members/member-name.js';
import { useMembers } from '../members/members.api.js';
import { InLanguage } from './InLanguage.js';
import { extraSeats } from './meeting-labels.js';
import { meetingDateTime, useMeetingTime } from './meeting-time.js';
import { NotKnown } from './NotKnown.js';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" className="field-label">
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** The host's name in the reader's language: from its delegation, else from the registry, else its code. */
function useHostName(meeting: Meeting): string | null {
  const members = useMembers();
  const language = useLanguage();
  if (!meeting.hostCode) return null;
  const delegation = meeting.delegations.find((d) => d.memberCode === meeting.hostCode);
  if (delegation) return nameIn(delegation.memberNames, delegation.memberName, language);
  const member = members.data?.find((m) => m.code === meeting.hostCode);
  return member ? nameIn(member.names, member.name, language) : meeting.hostCode;
}

/** "1+3: the head and up to 3 others", in the reader's language. */
function useQuotaInWords(): (quota: string) => string {
  const { t } = useTranslation('meetings');
  return (quota) => {
    const others = extraSeats(quota);
    return others === 0 ? t('quota.alone', { quota }) : t('quota.others', { quota, count: others });
  };
}

/** "John Kerry, US Secretary of State": the name and the title, each isolated (names are mostly in Latin script). */
export function PersonWithTitle({ name, title, strong }: { name: string; title: string | null; strong?: boolean }) {
  const { t } = useTranslation('meetings');
  // dir="auto" isolates as <bdi> does.
  if (!title) return strong ? <strong dir="auto">{name}</strong> : <bdi>{name}</bdi>;
  const who = strong ? <strong dir="auto" /> : <bdi />;
  return <Trans t={t} i18nKey="personWithTitle" values={{ name, title }} components={{ who, what: <bdi /> }} />;
}

/** Where the meeting is held: its venue and city, each isolated so that Latin names keep their order in Arabic. */
export function MeetingPlace({ venue, city }: { venue: string | null; city: string | null }) {
  const { t } = useTranslation('meetings');
  if (venue && city) {
    return <Trans t={t} i18nKey="facts.venueInCity" values={{ venue, city }} components={{ place: <bdi /> }} />;
  }
  return venue || city ? <bdi>{venue ?? city}</bdi> : null;
}

/** About the meeting: when (in its own zone) and where, the host, the chairs, the language, the seats. */
export function MeetingFacts({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('meetings');
  const time = useMeetingTime();
  const host = useHostName(meeting);
  const quotaInWords = useQuotaInWords();
  return (
    <Table withTableBorder variant="vertical" maw={820} layout="fixed" aria-label={t('facts.label')}>
      <Table.Tbody>
        <Field label={t('facts.when')}>
          <time dateTime={meetingDateTime(meeting)}>{time.when(meeting)}</time>
          {meeting.startTime ? (
            <Text size="xs" c="dimmed">
              {t('facts.localTime')}
            </Text>
          ) : null}
        </Field>
        <Field label={t('facts.where')}>
          {meeting.venue || meeting.city ? <MeetingPlace venue={meeting.venue} city={meeting.city} /> : <NotKnown />}
        </Field>
        <Field label={t('facts.host')}>
          {host && meeting.hostCode ? (
            <Anchor component={Link} to={`/members/${meeting.hostCode}`} size="sm">
              {host}
            </Anchor>
          ) : (
            <NotKnown />
          )}
        </Field>
        {/* "Chair" for one, or for none named (a note may say who chaired). */}
        <Field label={t('facts.chair', { count: Math.max(meeting.chairs.length, 1) })}>
          {meeting.chairs.length === 0 && !meeting.chairNote ? <NotKnown /> : null}
          {meeting.chairs.map((chair) => (
            <Text key={chair.id} size="sm">
              <PersonWithTitle name={chair.name} title={chair.title} strong />
            </Text>
          ))}
          {meeting.chairNote ? (
            <Text size="sm">
              <bdi>{meeting.chairNote}</bdi>
            </Text>
          ) : null}
        </Field>
        <Field label={t('facts.workingLanguage')}>{t(`facts.language.${meeting.workingLanguage}`)}</Field>
        <Field label={t('facts.seats')}>{quotaInWords(meeting.seatQuota)}</Field>
        {meeting.summary ? (
          <Field label={t('facts.summary')}>
            <Text size="sm">
              <InLanguage language={meeting.workingLanguage}>{meeting.summary}</InLanguage>
            </Text>
          </Field>
        ) : null}
        {meeting.note ? (
          <Field label={t('facts.note')}>
            <Text size="sm">
              <bdi>{meeting.note}</bdi>
            </Text>
          </Field>
        ) : null}
      </Table.Tbody>
    </Table>
  );
}
