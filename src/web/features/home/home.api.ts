import { queryOptions, useQuery } from '@tanstack/react-query';
import type { HeadlineFigures } from '../../../shared/progress.js';
import type { SourceList } from '../../../shared/sources.js';
import { api } from '../../app/api.js';
import { meetingListQuery, type When } from '../meetings/meetings.api.js';
import { statementsQuery } from '../statements/statements.api.js';

/** Per public indicator with approved values: its latest figure and its total. */
export const headlineFiguresQuery = () =>
  queryOptions({
    queryKey: ['figures', 'headline'],
    queryFn: ({ signal }) => api<HeadlineFigures>('/figures/headline', { signal }).then((list) => list.items),
  });

export function useHeadlineFigures() {
  return useQuery(headlineFiguresQuery());
}

/** How many meetings of each kind the home page shows: the next few and the last few. */
const HOME_MEETINGS = 3;

/** The next few meetings, or the last few: the home page's two lists. */
export const homeMeetingsQuery = (when: When) => meetingListQuery(when, {}, HOME_MEETINGS);

/** The adopted statements, latest first: the home page's list. */
export const adoptedStatementsQuery = () => statementsQuery({ status: 'adopted', kind: null });

/** How many press articles the home page shows. */
export const HOME_PRESS = 3;

/** The latest press articles; the home shows nothing of them when they cannot be read (no retry). */
export const latestPressQuery = () =>
  queryOptions({
    queryKey: ['sources', 'press', HOME_PRESS],
    queryFn: ({ signal }) =>
      api<SourceList>(`/sources?kind=press&limit=${HOME_PRESS}`, { signal }).then((list) => list.items),
    retry: false,
  });

export function useLatestPress() {
  return useQuery(latestPressQuery());
}
