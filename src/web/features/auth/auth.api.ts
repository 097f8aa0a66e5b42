import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me, SessionState, SignInBody } from '../../../shared/auth.js';
import { api } from '../../app/api.js';

export const meKey = ['me'] as const;

/** The signed-in user, or null when signed out: the session endpoint says so with a 200, never a 401. */
export const meQuery = () =>
  queryOptions({
    queryKey: meKey,
    queryFn: ({ signal }): Promise<Me | null> =>
      api<SessionState>('/auth/session', { signal }).then((session) => session.user),
    staleTime: 60_000,
  });

export function useMe() {
  return useQuery(meQuery());
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInBody) => api<void>('/auth/sign-in', { method: 'POST', body }),
    // Everything cached was read as someone else (or as nobody): read it again.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useSignOut(everywhere = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(everywhere ? '/auth/sign-out-everywhere' : '/auth/sign-out', { method: 'POST' }),
    onSuccess: () => {
      queryClient.setQueryData(meKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
    },
  });
}

/** "Focal point · FRA": the role, in the reader's language, with the member a focal point speaks for. */
export function useRoleLabel(): (me: Pick<Me, 'role' | 'memberCode'>) => string {
  const { t } = useTranslation(['common', 'enums']);
  return (me) => {
    const role = t(`enums:role.${me.role}`);
    return me.role === 'focal_point' && me.memberCode
      ? t('account.roleOfMember', { role, member: me.memberCode })
      : role;
  };
}

/** Mirrors the server's canEditMembers: the server decides, this only hides what would be refused. */
export const canUseSecretariat = (me: Me | null | undefined): boolean =>
  me?.role === 'admin' || me?.role === 'secretariat';
