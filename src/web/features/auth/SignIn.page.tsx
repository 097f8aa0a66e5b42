import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../app/api.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useMe, useSignIn } from './auth.api.js';

/** Only a path on this site: `?next=https://elsewhere` must not become an open redirect. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function signInError(error: unknown): { title: string; message: string } | null {
  if (!error) return null;
  if (isApiError(error, 429)) {
    return {
      title: 'Too many attempts',
      message: `${error.message} For your account's safety, sign-in is paused for a while after repeated failures.`,
    };
  }
  if (isApiError(error, 401)) return { title: 'Sign-in failed', message: error.message };
  if (isApiError(error, 400)) return null; // shown on the fields
  return { title: 'Sign-in failed', message: error instanceof Error ? error.message : 'Something went wrong.' };
}

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const me = useMe();
  const signIn = useSignIn();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : 'Enter your email address'),
      password: (value) => (value ? null : 'Enter your password'),
    },
  });

  if (me.data && !signIn.isPending && !signIn.isSuccess) return <Navigate to={next} replace />;

  const submit = form.onSubmit((values) =>
    signIn.mutate(values, {
      onSuccess: () => {
        notifications.show({ message: 'Signed in.' });
        navigate(next, { replace: true });
      },
      onError: (error) => applyFieldErrors(form, error),
    }),
  );
  const failure = signInError(signIn.error);

  return (
    <Stack maw={420} mx="auto" mt="lg" gap="md">
      <PageTitle title="Sign in" />
      <Title order={1}>Sign in</Title>
      <Text c="dimmed">For the secretariat and the members' focal points. The public pages need no account.</Text>
      <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate aria-label="Sign in">
        <Stack>
          {failure ? (
            <Alert color="red" title={failure.title} role="alert">
              {failure.message}
            </Alert>
          ) : null}
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={signIn.isPending}>
            Sign in
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
