import { Alert, Button, Group, MultiSelect, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import type { Meeting } from '../../../shared/meetings.js';
import { useMembers } from '../members/members.api.js';
import { useInviteMembers } from './meetings.api.js';

/** The secretariat invites members: each gets a delegation for its focal point to name. */
export function InviteMembers({ meeting }: { meeting: Meeting }) {
  const members = useMembers();
  const invite = useInviteMembers(meeting.id);
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const invited = new Set(meeting.delegations.map((d) => d.memberCode));
  const choices = (members.data ?? [])
    .filter((m) => m.status === 'active' && !invited.has(m.code))
    .map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }));
  const nameOf = (code: string) => members.data?.find((m) => m.code === code)?.name ?? code;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (selected.length === 0) {
      setError('Choose at least one member to invite.');
      return;
    }
    setError(null);
    invite.mutate(selected, {
      onSuccess: (result) => {
        setSelected([]);
        const lines = [
          result.invited.length > 0 ? `Invited: ${result.invited.map(nameOf).join(', ')}.` : null,
          result.alreadyInvited.length > 0 ? `Already invited: ${result.alreadyInvited.map(nameOf).join(', ')}.` : null,
        ];
        notifications.show({ color: 'green', title: 'Invitations sent', message: lines.filter(Boolean).join(' ') });
      },
      onError: (e) => setError(e.message),
    });
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="invite-heading" noValidate>
      <Stack gap="sm">
        <Text fw={700} id="invite-heading">
          Invite members
        </Text>
        {error ? (
          <Alert color="red" role="alert" title="No invitation sent">
            {error}
          </Alert>
        ) : null}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <MultiSelect
            label="Members to invite"
            placeholder={selected.length === 0 ? 'Type a name or a code' : undefined}
            data={choices}
            value={selected}
            onChange={setSelected}
            searchable
            clearable
            hidePickedOptions
            nothingFoundMessage="No member left to invite matches"
            disabled={members.isPending}
            style={{ flex: '1 1 20rem' }}
            comboboxProps={{ withinPortal: true }}
          />
          <Button type="submit" loading={invite.isPending}>
            Invite
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {invited.size} {invited.size === 1 ? 'member is' : 'members are'} invited. Each invited member's focal point
          can then name its delegation while the meeting is planned.
        </Text>
      </Stack>
    </Paper>
  );
}
