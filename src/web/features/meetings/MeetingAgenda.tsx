import { Badge, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Meeting } from '../../../shared/meetings.js';
import { LocalName } from '../progress/names.js';
import { useLinesOfEffort } from '../progress/progress.api.js';
import { InLanguage } from './InLanguage.js';

/** A line of effort by its name in the reader's language (its key until the lines are read), linked to its page. */
function LineOfEffortLink({ lineKey }: { lineKey: string }) {
  const line = useLinesOfEffort().data?.find((l) => l.key === lineKey);
  return (
    <Badge
      ms="xs"
      size="sm"
      variant="outline"
      tt="none"
      component={Link}
      to={`/lines-of-effort/${encodeURIComponent(lineKey)}`}
      style={{ cursor: 'pointer', maxWidth: '100%' }}
    >
      {line ? <LocalName names={line.names} /> : <bdi>{lineKey}</bdi>}
    </Badge>
  );
}

/** The agenda in order, each item with its line of effort. */
export function MeetingAgenda({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('meetings');
  return (
    <Stack gap="sm" component="section" aria-labelledby="agenda-heading">
      <Title order={2} size="h3" id="agenda-heading">
        {t('agenda.title')}
      </Title>
      {meeting.agenda.length === 0 ? (
        <Text c="dimmed">{t('agenda.none')}</Text>
      ) : (
        <List type="ordered" spacing={4}>
          {meeting.agenda.map((item) => (
            <List.Item key={item.position}>
              {/* Typed, like the title, in the meeting's working language. */}
              <InLanguage language={meeting.workingLanguage}>{item.title}</InLanguage>
              {item.lineOfEffort ? <LineOfEffortLink lineKey={item.lineOfEffort} /> : null}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
