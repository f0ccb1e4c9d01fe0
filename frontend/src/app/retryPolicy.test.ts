import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { MAX_QUERY_RETRIES, retryDelay, shouldRetryQuery } from './retryPolicy';

const network = new ApiError(0, 'network_error', '');
const unavailable = new ApiError(503, 'http_503', '');
const serverError = new ApiError(500, 'internal_error', '');

describe('the read retry policy', () => {
  it('retries network failures and server errors (5xx, 503 during a deploy)', () => {
    expect(shouldRetryQuery(0, network)).toBe(true);
    expect(shouldRetryQuery(0, unavailable)).toBe(true);
    expect(shouldRetryQuery(1, serverError)).toBe(true);
  });

  it('never retries an answer that is the caller’s fault (4xx)', () => {
    for (const status of [400, 401, 403, 404, 409, 422, 429]) {
      expect(shouldRetryQuery(0, new ApiError(status, `http_${status}`, ''))).toBe(false);
    }
  });

  it('never retries an aborted call or an error that is not an API error', () => {
    expect(shouldRetryQuery(0, new ApiError(0, 'aborted', ''))).toBe(false);
    expect(shouldRetryQuery(0, new Error('bug'))).toBe(false);
  });

  it('gives up after a few retries', () => {
    expect(shouldRetryQuery(MAX_QUERY_RETRIES - 1, network)).toBe(true);
    expect(shouldRetryQuery(MAX_QUERY_RETRIES, network)).toBe(false);
  });

  it('backs off exponentially with jitter and a cap', () => {
    const middle = () => 0.5;
    expect(retryDelay(0, middle)).toBe(1_000);
    expect(retryDelay(1, middle)).toBe(2_000);
    expect(retryDelay(2, middle)).toBe(4_000);
    expect(retryDelay(10, middle)).toBe(15_000);
    expect(retryDelay(1, () => 0)).toBe(1_500);
    expect(retryDelay(1, () => 1)).toBe(2_500);
  });
});
