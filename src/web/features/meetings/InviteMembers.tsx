import { Alert, Button, Group, MultiSelect, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/meetings.js';
import { useFormat } from '../../i18n/format.js';
import { problemMessage } from '../../i18n/problem.js';
import { useMembers } from '../members/members.api.js';
import { memberOptions } from './meeting-form.js';
import { useInviteMembers } from './meetings.api.js';

/** The secretariat invites members: each gets a delegation for its focal point to name. */
export function InviteMembers({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation('meetingForms');
  const format = useFormat();
  const members = useMembers();
  const invite = useInviteMembers(meeting.id);
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const invited = new Set(meeting.delegations.map((d) => d.memberCode));
  const choices = memberOptions(members.data ?? [], format.language, t).filter((m) => !invited.has(m.value));
  const nameOf = (code: string) => {
    const member = members.data?.find((m) => m.code === code);
    return member ? member.names[format.language] || member.name : code;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (selected.length === 0) {
      setError(t('invite.chooseFirst'));
      return;
    }
    setError(null);
    invite.mutate(selected, {
      onSuccess: (result) => {
        setSelected([]);
        const lines = [
          result.invited.length > 0 ? t('invite.invited', { members: format.list(result.invited.map(nameOf)) }) : null,
          result.alreadyInvited.length > 0
            ? t('invite.alreadyInvited', { members: format.list(result.alreadyInvited.map(nameOf)) })
            : null,
        ];
        notifications.show({ color: 'green', title: t('invite.sent'), message: lines.filter(Boolean).join(' ') });
      },
      onError: (e) => setError(problemMessage(i18n.getFixedT(null, 'common'), e)),
    });
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="invite-heading" noValidate>
      <Stack gap="sm">
        <Text fw={700} id="invite-heading">
          {t('invite.heading')}
        </Text>
        {error ? (
          <Alert color="red" role="alert" title={t('invite.notSent')}>
            {error}
          </Alert>
        ) : null}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <MultiSelect
            label={t('invite.members')}
            placeholder={selected.length === 0 ? t('invite.placeholder') : undefined}
            data={choices}
            value={selected}
            onChange={setSelected}
            searchable
            clearable
            hidePickedOptions
            nothingFoundMessage={t('invite.nothingFound')}
            disabled={members.isPending}
            style={{ flex: '1 1 20rem' }}
            comboboxProps={{ withinPortal: true }}
          />
          <Button type="submit" loading={invite.isPending}>
            {t('invite.submit')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('invite.count', { count: invited.size })} {t('invite.next')}
        </Text>
      </Stack>
    </Paper>
  );
}
