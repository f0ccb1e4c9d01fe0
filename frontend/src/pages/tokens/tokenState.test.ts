import { describe, expect, it } from 'vitest';
import { curlExample, tokenState } from './tokenState';

describe('API tokens', () => {
  const now = new Date('2026-11-27T08:00:00Z');
  it('reads revoked, expired and active tokens', () => {
    expect(tokenState({ revoked_at: '2026-11-01T00:00:00Z', expires_at: null }, now)).toBe('revoked');
    expect(tokenState({ revoked_at: null, expires_at: '2026-11-27T07:00:00Z' }, now)).toBe('expired');
    expect(tokenState({ revoked_at: null, expires_at: null }, now)).toBe('active');
  });

  it('gives a curl example for the scope the token has', () => {
    expect(curlExample('https://x.test', 'cd_abc', ['forecast:read'])).toBe(
      'curl -H "Authorization: Bearer cd_abc" "https://x.test/api/v1/forecast?format=csv"',
    );
    expect(curlExample('https://x.test', 'cd_abc', ['stats:read'])).toContain('/api/v1/stats/shipments');
  });
});
