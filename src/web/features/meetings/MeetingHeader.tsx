import { Badge, Button, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Meeting } from '../../../shared/meetings.js';
import { LocalizedTitle } from '../../components/LocalizedTitle.js';
import { useFormat } from '../../i18n/format.js';
import { StatusBadge } from './MeetingBadges.js';
import { delegationsCsvUrl, meetingIcsUrl } from './meetings.api.js';

/** The meeting's title, what kind it is, where it stands, who may see it; its calendar file, printable list and delegations as CSV. */
export function MeetingHeader({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation(['meetings', 'enums']);
  const f = useFormat();
  const visibility = t(`enums:visibility.${meeting.visibility}`);
  return (
    <Stack gap="sm">
      <Title order={1}>
        <LocalizedTitle
          title={meeting.title}
          titleTranslations={meeting.titleTranslations}
          language={meeting.workingLanguage}
          authenticLabel={t('header.authentic', { language: t(`enums:language.${meeting.workingLanguage}`) })}
        />
      </Title>
      <Group gap="xs">
        <Badge variant="light">{t(`enums:meetingKind.${meeting.kind}`)}</Badge>
        <StatusBadge status={meeting.status} />
        {meeting.visibility !== 'public' ? (
          <Badge variant="outline" color="grape">
            {meeting.visibility === 'restricted' && meeting.restrictedTo.length > 0
              ? t('header.restrictedTo', { visibility, members: f.list(meeting.restrictedTo) })
              : visibility}
          </Badge>
        ) : null}
      </Group>
      <Group gap="sm" className="no-print">
        <Button component="a" href={meetingIcsUrl(meeting.id)} download variant="default" size="sm">
          {t('header.calendar')}
        </Button>
        <Button component={Link} to={`/meetings/${meeting.id}/print`} variant="default" size="sm">
          {t('header.printable')}
        </Button>
        {/* Member names in the reader's language; the file opens right in Excel, Arabic too. */}
        <Button component="a" href={delegationsCsvUrl(meeting.id, f.language)} download variant="default" size="sm">
          {t('header.csv')}
        </Button>
      </Group>
    </Stack>
  );
}
