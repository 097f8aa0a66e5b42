import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignOut } from '../features/auth/auth.api.js';
import { problemMessage } from '../i18n/problem.js';

/** Signs out (here or everywhere), says so, and goes to the home page. */
export function useSignOutAndLeave(everywhere: boolean) {
  const signOut = useSignOut(everywhere);
  const navigate = useNavigate();
  const { t } = useTranslation();
  return () =>
    signOut.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ message: everywhere ? t('account.signedOutEverywhere') : t('account.signedOut') });
        navigate('/');
      },
      onError: (error) =>
        notifications.show({ color: 'red', title: t('account.signOutFailed'), message: problemMessage(t, error) }),
    });
}
