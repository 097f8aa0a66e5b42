import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api.js';

/**
 * Retrying a 4xx answer only delays it: an unknown member stays unknown. Network failures and
 * 5xx answers get one more try.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => failures < 1 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}
