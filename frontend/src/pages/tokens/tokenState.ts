import type { ApiTokenPublic } from '../../client';

export type TokenState = 'active' | 'revoked' | 'expired';

export function tokenState(token: Pick<ApiTokenPublic, 'revoked_at' | 'expires_at'>, now: Date = new Date()): TokenState {
  if (token.revoked_at) return 'revoked';
  if (token.expires_at && new Date(token.expires_at).getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** A ready-to-run call for the token's first scope (the forecast, else the statistics). */
export function curlExample(origin: string, token: string, scopes: string[]): string {
  const path = scopes.includes('forecast:read') ? '/api/v1/forecast?format=csv' : '/api/v1/stats/shipments?group_by=mcu_model';
  return `curl -H "Authorization: Bearer ${token}" "${origin}${path}"`;
}
