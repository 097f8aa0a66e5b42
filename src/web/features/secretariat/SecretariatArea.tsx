import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { Link, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { canUseSecretariat, useMe, useRoleLabel } from '../auth/auth.api.js';

/**
 * The secretariat's part of the app, for the secretariat and administrators. Hiding it is a
 * courtesy: the server refuses the same people whatever the browser shows.
 */
export function SecretariatArea() {
  const me = useMe();
  const roleLabel = useRoleLabel();
  const location = useLocation();

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) {
    return (
      <Stack maw={640}>
        <PageTitle title="Sign in required" />
        <Title order={1}>Secretariat</Title>
        <Text>The secretariat area is for the coalition's secretariat. Sign in to use it.</Text>
        <div>
          <Button component={Link} to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>
            Sign in
          </Button>
        </div>
      </Stack>
    );
  }
  if (!canUseSecretariat(me.data)) {
    return (
      <Stack maw={640}>
        <PageTitle title="Not allowed" />
        <Title order={1}>Not allowed</Title>
        <Alert color="orange" title="This area is for the secretariat" role="alert">
          You are signed in as {me.data.name} ({roleLabel(me.data)}). Only the secretariat and administrators can add or
          change members. If you need to, ask the secretariat for access.
        </Alert>
        <Text>
          <Anchor component={Link} to="/members">
            See the members
          </Anchor>
        </Text>
      </Stack>
    );
  }
  return <Outlet />;
}
