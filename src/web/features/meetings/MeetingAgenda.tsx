import { Badge, List, Stack, Text, Title } from '@mantine/core';
import type { Meeting } from '../../../shared/meetings.js';

/** The agenda in order, each item with its line of effort. */
export function MeetingAgenda({ meeting }: { meeting: Meeting }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby="agenda-heading">
      <Title order={2} size="h3" id="agenda-heading">
        Agenda
      </Title>
      {meeting.agenda.length === 0 ? (
        <Text c="dimmed">No agenda is recorded.</Text>
      ) : (
        <List type="ordered" spacing={4}>
          {meeting.agenda.map((item) => (
            <List.Item key={item.position}>
              {item.title}
              {item.lineOfEffort ? (
                <Badge ml="xs" size="sm" variant="outline" tt="none">
                  {item.lineOfEffort}
                </Badge>
              ) : null}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
