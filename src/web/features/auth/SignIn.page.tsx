import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { FieldError } from '../../../shared/problem.js';
import { isApiError } from '../../app/api.js';
import { safeNext } from '../../app/sign-in-path.js';
import { applyFieldErrors, type FormT, fieldErrorLine, useFormT } from '../../components/form-errors.js';
import { PageTitle } from '../../components/PageTitle.js';
import { problemMessage } from '../../i18n/problem.js';
import { useMe, useSignIn } from './auth.api.js';

/** How long sign-in is paused: the server's `minutes`, else its Retry-After, rounded up to minutes. */
function pausedMinutes(error: unknown): number | null {
  if (!isApiError(error)) return null;
  const minutes = error.problem?.reason === 'sign_in_throttled' ? Number(error.problem.params?.minutes) : Number.NaN;
  if (Number.isFinite(minutes) && minutes > 0) return minutes;
  return error.retryAfterSeconds ? Math.ceil(error.retryAfterSeconds / 60) : null;
}

/**
 * Why sign-in failed, in the reader's words. A 401 from sign-in always means the email or the
 * password is wrong (the server says no more, so as not to tell which).
 */
function signInError(t: TFunction<'auth'>, formT: FormT, error: unknown): { title: string; message: string } | null {
  if (!error) return null;
  if (isApiError(error, 429)) {
    const minutes = pausedMinutes(error);
    return {
      title: t('signIn.tooManyAttempts'),
      message: minutes === null ? t('signIn.pausedForAWhile') : t('signIn.paused', { count: minutes }),
    };
  }
  if (isApiError(error, 401)) return { title: t('signIn.failed'), message: t('signIn.wrongCredentials') };
  if (isApiError(error, 400)) {
    // The errors of the two fields are shown on them; anything else, here.
    const shown = (field: FieldError) => field.in === 'body' && (field.path === 'email' || field.path === 'password');
    const others = error.fieldErrors.filter((field) => !shown(field));
    if (error.fieldErrors.length > 0 && others.length === 0) return null;
    const lines =
      others.length > 0 ? others.map((field) => fieldErrorLine(formT, field)) : [problemMessage(formT, error)];
    return { title: t('signIn.failed'), message: lines.join(' ') };
  }
  return { title: t('signIn.failed'), message: problemMessage(formT, error) };
}

export function SignInPage() {
  const { t } = useTranslation('auth');
  const formT = useFormT();
  const [params] = useSearchParams();
  // Once signed in: the page `?next=` names if it is one of this site's, else the user's desk.
  const next = safeNext(params.get('next'), '/desk');
  const navigate = useNavigate();
  const me = useMe();
  const signIn = useSignIn();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : t('signIn.enterEmail')),
      password: (value) => (value ? null : t('signIn.enterPassword')),
    },
  });

  if (me.data && !signIn.isPending && !signIn.isSuccess) return <Navigate to={next} replace />;

  const submit = form.onSubmit((values) =>
    signIn.mutate(values, {
      onSuccess: () => {
        notifications.show({ message: t('signIn.signedIn') });
        navigate(next, { replace: true });
      },
      onError: (error) => applyFieldErrors(form, error, formT),
    }),
  );
  const failure = signInError(t, formT, signIn.error);

  return (
    <Stack maw={420} mx="auto" mt="lg" gap="md">
      <PageTitle title={t('signIn.title')} />
      <Title order={1}>{t('signIn.title')}</Title>
      <Text c="dimmed">{t('signIn.intro')}</Text>
      <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate aria-label={t('signIn.title')}>
        <Stack>
          {failure ? (
            <Alert color="red" title={failure.title} role="alert">
              {failure.message}
            </Alert>
          ) : null}
          {/* An email address is written left to right, whatever the language of the page. */}
          <TextInput
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            dir="ltr"
            required
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('signIn.password')}
            autoComplete="current-password"
            visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
            required
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
