// SPEC §4: reads retry by themselves when the network or the server stumbles; an answer that
// is the caller's fault (4xx) never changes by retrying, so it is never retried.
import { isApiError } from '../api';

export const MAX_QUERY_RETRIES = 3;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 15_000;

/** Network errors and server errors (5xx, e.g. 503 while a deploy restarts) are worth retrying. */
export function isRetryable(error: unknown): boolean {
  if (!isApiError(error) || error.code === 'aborted') return false;
  return error.status === 0 || error.status >= 500;
}

/** TanStack Query's `retry`: failureCount retries already made. */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_QUERY_RETRIES && isRetryable(error);
}

/** Exponential backoff: 1 s, 2 s, 4 s … capped; `random` spreads the clients (0..1). */
export function retryDelay(failureCount: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** failureCount);
  return Math.round(exponential * (0.75 + 0.5 * random()));
}
