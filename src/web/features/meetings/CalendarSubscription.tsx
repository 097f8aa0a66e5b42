import { Anchor, Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/auth.js';
import type { CalendarLink } from '../../../shared/meetings.js';
import { api } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { allMeetingsIcsUrl } from './meetings.api.js';

/** A calendar app subscribes to a webcal:// address and reads it again from time to time. */
const webcal = (path: string) => `webcal://${window.location.host}${path}`;

function SubscriptionAddress({ label, path }: { label: string; path: string }) {
  const { t } = useTranslation('meetings');
  const address = webcal(path);
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput
        label={label}
        value={address}
        readOnly
        dir="ltr"
        flex={1}
        maw={560}
        onFocus={(e) => e.currentTarget.select()}
      />
      <CopyButton value={address}>
        {({ copied, copy }) => (
          <Button variant="default" onClick={copy}>
            {copied ? t('subscribe.copied') : t('subscribe.copy')}
          </Button>
        )}
      </CopyButton>
      <Button component="a" href={address} variant="light">
        {t('subscribe.open')}
      </Button>
    </Group>
  );
}

/**
 * Subscribing to the meetings: everyone to the calendar of what they may see without signing in;
 * a signed-in user to a private link of their own (for a focal point, their member's meetings).
 * The private link is shown once, when made: only its hash is kept.
 */
export function CalendarSubscription({ me }: { me: Me | null | undefined }) {
  const { t } = useTranslation('meetings');
  const link = useMutation({
    mutationFn: () => api<CalendarLink>('/auth/me/calendar-link', { method: 'POST' }),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="subscribe-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="subscribe-heading">
          {t('subscribe.title')}
        </Title>
        <SubscriptionAddress label={t('subscribe.public')} path={allMeetingsIcsUrl} />
        {me ? (
          <Stack gap="xs">
            <Text size="sm">{me.memberCode ? t('subscribe.privateMember') : t('subscribe.privateAll')}</Text>
            {link.data ? <SubscriptionAddress label={t('subscribe.private')} path={link.data.path} /> : null}
            {link.isError ? <ErrorAlert error={link.error} /> : null}
            <Group gap="sm">
              <Button variant="default" loading={link.isPending} onClick={() => link.mutate()}>
                {link.data ? t('subscribe.makeNew') : t('subscribe.make')}
              </Button>
            </Group>
            <Text size="sm" c="dimmed">
              {t('subscribe.privateNote')}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('subscribe.signInForPrivate')}
          </Text>
        )}
        <Anchor href={allMeetingsIcsUrl} download size="sm">
          {t('list.calendar')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
