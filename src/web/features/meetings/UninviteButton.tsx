import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../i18n/problem.js';
import { useUninvite } from './meetings.api.js';

/**
 * Withdraws a member's invitation, for a delegation that names nobody yet (the server refuses
 * it once someone is named: nobody a focal point named disappears with it). Inviting again undoes it.
 */
export function UninviteButton({
  meetingId,
  code,
  memberName,
}: {
  meetingId: string;
  code: string;
  memberName: string;
}) {
  const { t, i18n } = useTranslation('meetings');
  const uninvite = useUninvite(meetingId);
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      color="red"
      loading={uninvite.isPending}
      aria-label={t('table.uninviteMember', { member: memberName })}
      onClick={() =>
        uninvite.mutate(code, {
          onSuccess: () =>
            notifications.show({ color: 'green', message: t('table.uninvited', { member: memberName }) }),
          onError: (error) =>
            notifications.show({
              color: 'red',
              title: t('table.notUninvited', { member: memberName }),
              message: problemMessage(i18n.getFixedT(null, 'common'), error),
            }),
        })
      }
    >
      {t('table.uninvite')}
    </Button>
  );
}
