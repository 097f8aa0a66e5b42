import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MemberInvitationList, SecretariatDesk } from '../../../shared/desk.js';
import type { NotificationList, ReadAllResult } from '../../../shared/notifications.js';
import { api } from '../../app/api.js';

const notificationsKey = ['notifications'] as const;

/** The signed-in user's notifications, newest first. */
export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: ({ signal }) => api<NotificationList>('/notifications', { signal }),
    enabled,
    staleTime: 0,
  });
}

/** Marks one notification read (or all of them, with `null`), then reads the list again. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string | null): Promise<void> => {
      if (id === null) await api<ReadAllResult>('/notifications/read-all', { method: 'POST' });
      else await api<void>(`/notifications/${id}/read`, { method: 'POST' });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

/** The focal point's member's invitations to planned meetings. */
export function useMyInvitations(enabled: boolean) {
  return useQuery({
    queryKey: ['desk', 'invitations'],
    queryFn: ({ signal }) => api<MemberInvitationList>('/desk/invitations', { signal }),
    enabled,
    staleTime: 0,
  });
}

/** What needs the secretariat: meetings to chase. */
export function useSecretariatDesk(enabled: boolean) {
  return useQuery({
    queryKey: ['desk', 'secretariat'],
    queryFn: ({ signal }) => api<SecretariatDesk>('/desk/secretariat', { signal }),
    enabled,
    staleTime: 0,
  });
}
