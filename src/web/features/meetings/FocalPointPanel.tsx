import { Alert, Button, Group, Paper, Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../shared/auth.js';
import type { Meeting } from '../../../shared/meetings.js';
import { useLanguage } from '../../i18n/format.js';
import { nameIn } from '../members/member-name.js';

/** What the signed-in focal point may do about their own member's delegation. */
export function FocalPointPanel({ meeting, me }: { meeting: Meeting; me: Me }) {
  const { t } = useTranslation('meetings');
  const language = useLanguage();
  const code = me.memberCode;
  const own = meeting.delegations.find((d) => d.memberCode === code);
  if (!code) return null;
  if (!own) {
    return (
      <Text size="sm" c="dimmed">
        {t('focalPoint.notInvited', { code })}
      </Text>
    );
  }
  const member = nameIn(own.memberNames, own.memberName, language);
  if (meeting.status !== 'planned') {
    return (
      <Alert color="gray" title={t('focalPoint.delegationOf', { member })} role="note">
        {t(`focalPoint.closed.${meeting.status}`)}
      </Alert>
    );
  }
  return (
    <Paper withBorder p="md" bg="var(--mantine-primary-color-light)">
      <Group justify="space-between" align="center">
        <Text>
          {own.head ? (
            <Trans
              t={t}
              i18nKey="focalPoint.invitedHeadedBy"
              values={{ member, head: own.head.name }}
              components={{ strong: <strong />, person: <bdi /> }}
            />
          ) : (
            <Trans t={t} i18nKey="focalPoint.invitedNotNamed" values={{ member }} components={{ strong: <strong /> }} />
          )}
        </Text>
        <Button component={Link} to={`/meetings/${meeting.id}/delegations/${own.memberCode}`}>
          {/* Once it has a head the delegation is named: what is left to do is to change it. */}
          {own.head ? t('focalPoint.change') : t('focalPoint.name')}
        </Button>
      </Group>
    </Paper>
  );
}
