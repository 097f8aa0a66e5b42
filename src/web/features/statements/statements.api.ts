import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddFollowUpBody,
  AddPositionBody,
  AddTextVersionBody,
  AdoptAtMeetingBody,
  CreateStatementBody,
  DecisionList,
  ExtendProcedureBody,
  FollowUp,
  OpenProcedureBody,
  Procedure,
  ProcedureList,
  ProcedureStatus,
  RespondBody,
  Statement,
  StatementKind,
  StatementList,
  StatementStatus,
  TextDiff,
  TextVersion,
  ToActList,
  UpdateFollowUpBody,
  UpdateStatementBody,
} from '../../../shared/statements.js';
import { api, q } from '../../app/api.js';

// Statements, their procedures and the decisions they become are read and changed together:
// a response can end a procedure, which changes the statement, which can make a decision. Any
// change reads all three again.
export const statementsKey = ['statements'] as const;
const procedureKey = (id: string) => [...statementsKey, 'procedure', id] as const;

export interface StatementsFilter {
  status: StatementStatus | null;
  kind: StatementKind | null;
}

/** The statements the caller may see, as the filter asks. */
export function statementsQuery(filter: StatementsFilter) {
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  if (filter.kind) query.set('kind', filter.kind);
  return queryOptions({
    queryKey: [...statementsKey, 'list', query.toString()],
    queryFn: ({ signal }) => api<StatementList>(`/statements?${query}`, { signal }).then((list) => list.items),
  });
}

export function useStatements(filter: StatementsFilter) {
  return useQuery(statementsQuery(filter));
}

export const statementQuery = (id: string) =>
  queryOptions({
    queryKey: [...statementsKey, 'one', id],
    queryFn: ({ signal }) => api<Statement>(`/statements/${q(id)}`, { signal }),
  });

/** One statement; `fresh` reads it again even when the cache has it (before changing it). */
export function useStatement(id: string, options: { fresh?: boolean } = {}) {
  return useQuery({ ...statementQuery(id), refetchOnMount: options.fresh ? 'always' : true });
}

/** One text version, with its Markdown and its numbered paragraphs (immutable once circulated). */
export function useTextVersion(id: string, number: number | null) {
  return useQuery({
    queryKey: [...statementsKey, 'one', id, 'version', number],
    queryFn: ({ signal }) => api<TextVersion>(`/statements/${q(id)}/versions/${number}`, { signal }),
    enabled: number !== null,
  });
}

export function useDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: [...statementsKey, 'one', id, 'diff', from, to],
    queryFn: ({ signal }) => api<TextDiff>(`/statements/${q(id)}/diff?from=${from}&to=${to}`, { signal }),
    enabled: from !== null && to !== null && from !== to,
  });
}

/** A procedure with every member circulated and their responses. */
export function useProcedure(id: string | null) {
  return useQuery({
    queryKey: procedureKey(id ?? ''),
    queryFn: ({ signal }) => api<Procedure>(`/procedures/${q(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}

/** Procedures the caller may see, by status (the secretariat's open ones on its desk). */
export function useProcedures(status: ProcedureStatus | null, enabled = true) {
  return useQuery({
    queryKey: [...statementsKey, 'procedures', status],
    queryFn: ({ signal }) =>
      api<ProcedureList>(`/procedures${status ? `?status=${status}` : ''}`, { signal }).then((list) => list.items),
    enabled,
  });
}

/** The open procedures the signed-in focal point's member has to act on, soonest deadline first. */
export function useToAct(enabled: boolean) {
  return useQuery({
    queryKey: [...statementsKey, 'to-act'],
    queryFn: ({ signal }) => api<ToActList>('/procedures/to-act', { signal }).then((list) => list.items),
    enabled,
    staleTime: 0,
  });
}

export function useDecisions() {
  return useQuery({
    queryKey: [...statementsKey, 'decisions'],
    queryFn: ({ signal }) => api<DecisionList>('/decisions', { signal }).then((list) => list.items),
  });
}

/** A change here may show anywhere statements, procedures, decisions or notifications are read. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: statementsKey }),
      queryClient.invalidateQueries({ queryKey: ['notifications'] }),
    ]);
}

/** A POST whose answer is the changed record, then everything read again. */
function usePost<Body extends object, Answer>(
  path: (body: Body) => string,
  options: { ifMatch?: (body: Body) => number; strip?: (keyof Body)[] } = {},
) {
  const invalidate = useInvalidate();
  // What names the record (its id, the version read for If-Match) goes in the path or a header, not the body.
  const strip = new Set<PropertyKey>([...(options.strip ?? []), ...(options.ifMatch ? ['version'] : [])]);
  return useMutation({
    mutationFn: (body: Body) =>
      api<Answer>(path(body), {
        method: 'POST',
        body: Object.fromEntries(Object.entries(body).filter(([key]) => !strip.has(key))),
        ifMatch: options.ifMatch?.(body),
      }),
    // Not awaited: the change often hides the form that made it (a circulated statement has no
    // circulate form), and a form gone before its `mutate` callbacks run never says it succeeded.
    onSuccess: () => {
      void invalidate();
    },
  });
}

export const useCreateStatement = () => usePost<CreateStatementBody, Statement>(() => '/statements');

/** Adds a text version to a statement, named with the body (a new statement's id is known only once it is made). */
export const useAddVersion = () =>
  usePost<AddTextVersionBody & { statementId: string }, TextVersion>(
    (b) => `/statements/${q(b.statementId)}/versions`,
    {
      strip: ['statementId'],
    },
  );

export const useOpenProcedure = (id: string) =>
  usePost<OpenProcedureBody, Procedure>(() => `/statements/${q(id)}/procedures`);

export const useRespond = (procedureId: string) =>
  usePost<RespondBody, Procedure>(() => `/procedures/${q(procedureId)}/responses`);

type Versioned<T> = T & { version: number };

export const useExtend = (procedureId: string) =>
  usePost<Versioned<ExtendProcedureBody>, Procedure>(() => `/procedures/${q(procedureId)}/extend`, {
    ifMatch: (b) => b.version,
  });

export const useWithdraw = (procedureId: string) =>
  usePost<Versioned<{ reason: string }>, Procedure>(() => `/procedures/${q(procedureId)}/withdraw`, {
    ifMatch: (b) => b.version,
  });

export const useAdoptAtMeeting = (id: string) =>
  usePost<Versioned<AdoptAtMeetingBody>, Statement>(() => `/statements/${q(id)}/adopt`, {
    ifMatch: (b) => b.version,
  });

/** Changes a statement, or withdraws a draft (`status: withdrawn`), from the version read (If-Match). */
export function useUpdateStatement(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: UpdateStatementBody }) =>
      api<Statement>(`/statements/${q(id)}`, { method: 'PATCH', body, ifMatch: version }),
    onSuccess: () => {
      void invalidate();
    },
  });
}

export const useAddPosition = (id: string) =>
  usePost<AddPositionBody, Statement>(() => `/statements/${q(id)}/positions`);

/** Removes a position (the secretariat, or a focal point of the member's). */
export function useRemovePosition(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (positionId: string) =>
      api<null>(`/statements/${q(id)}/positions/${q(positionId)}`, { method: 'DELETE' }),
    onSuccess: () => {
      void invalidate();
    },
  });
}

export const useAddFollowUp = (decisionId: string) =>
  usePost<AddFollowUpBody, FollowUp>(() => `/decisions/${q(decisionId)}/follow-ups`);

export function useUpdateFollowUp() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: UpdateFollowUpBody }) =>
      api<FollowUp>(`/follow-ups/${q(id)}`, { method: 'PATCH', body, ifMatch: version }),
    onSuccess: () => invalidate(),
  });
}
