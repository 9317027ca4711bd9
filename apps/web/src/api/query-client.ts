import { QueryClient } from '@tanstack/react-query';
import { isProblem } from './client';

/** Server state lives in one cache; a 4xx answer is an answer, not a reason to retry. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (count, error) => !(isProblem(error) && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
