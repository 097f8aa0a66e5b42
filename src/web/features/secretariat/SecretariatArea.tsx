import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { signInPath } from '../../app/sign-in-path.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { canUseSecretariat, useMe, useRoleLabel } from '../auth/auth.api.js';

/**
 * The secretariat's part of the app, for the secretariat and administrators. Hiding it is a
 * courtesy: the server refuses the same people whatever the browser shows.
 */
export function SecretariatArea() {
  const { t } = useTranslation('secretariat');
  const me = useMe();
  const roleLabel = useRoleLabel();
  const location = useLocation();

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) {
    return (
      <Stack maw={640}>
        <PageTitle title={t('area.signInRequired')} />
        <Title order={1}>{t('area.title')}</Title>
        <Text>{t('area.signInText')}</Text>
        <div>
          <Button component={Link} to={signInPath(location)}>
            {t('area.signIn')}
          </Button>
        </div>
      </Stack>
    );
  }
  if (!canUseSecretariat(me.data)) {
    return (
      <Stack maw={640}>
        <PageTitle title={t('area.notAllowed')} />
        <Title order={1}>{t('area.notAllowed')}</Title>
        <Alert color="orange" title={t('area.onlySecretariat')} role="alert">
          {/* A name in another script keeps its own direction inside the sentence. */}
          <Trans
            t={t}
            i18nKey="area.signedInAs"
            values={{ name: me.data.name, role: roleLabel(me.data) }}
            components={{ name: <bdi /> }}
          />
        </Alert>
        <Text>
          <Anchor component={Link} to="/members">
            {t('area.seeMembers')}
          </Anchor>
        </Text>
      </Stack>
    );
  }
  return <Outlet />;
}
