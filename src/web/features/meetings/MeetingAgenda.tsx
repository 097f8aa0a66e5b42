import { Badge, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/meetings.js';
import { InLanguage } from './InLanguage.js';

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
              {item.lineOfEffort ? (
                <Badge ms="xs" size="sm" variant="outline" tt="none">
                  <bdi>{item.lineOfEffort}</bdi>
                </Badge>
              ) : null}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
