import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddOfficeBody,
  EndOfficeBody,
  LineOfEffort,
  LineOfEffortList,
  WorkingGroup,
  WorkingGroupList,
} from '../../../shared/progress.js';
import { api, q } from '../../app/api.js';

// Lines of effort and working groups: a change to an office shows on the group, its line and the lists.
export const linesKey = ['lines-of-effort'] as const;

/** The lines of effort, each with its co-leads today. */
export function useLinesOfEffort() {
  return useQuery({
    queryKey: [...linesKey, 'list'],
    queryFn: ({ signal }) => api<LineOfEffortList>('/lines-of-effort', { signal }).then((list) => list.items),
  });
}

/** A line of effort's page: its groups and who led when, indicators, meetings, statements. */
export function useLineOfEffort(key: string) {
  return useQuery({
    queryKey: [...linesKey, 'one', key],
    queryFn: ({ signal }) => api<LineOfEffort>(`/lines-of-effort/${q(key)}`, { signal }),
  });
}

/** Every working group with its offices. */
export function useWorkingGroups() {
  return useQuery({
    queryKey: [...linesKey, 'groups'],
    queryFn: ({ signal }) => api<WorkingGroupList>('/working-groups', { signal }).then((list) => list.items),
  });
}

function useOfficeChange<Body>(request: (body: Body) => Promise<WorkingGroup>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: linesKey });
    },
  });
}

/** Adds a co-lead or a participant to a group (secretariat), on the group's version. */
export const useAddOffice = (group: Pick<WorkingGroup, 'key' | 'version'>) =>
  useOfficeChange((body: AddOfficeBody) =>
    api<WorkingGroup>(`/working-groups/${q(group.key)}/offices`, { method: 'POST', body, ifMatch: group.version }),
  );

/** Ends an office on a day (secretariat), on the group's version. */
export const useEndOffice = (group: Pick<WorkingGroup, 'key' | 'version'>) =>
  useOfficeChange(({ officeId, ...body }: EndOfficeBody & { officeId: string }) =>
    api<WorkingGroup>(`/working-groups/${q(group.key)}/offices/${q(officeId)}`, {
      method: 'PATCH',
      body,
      ifMatch: group.version,
    }),
  );
