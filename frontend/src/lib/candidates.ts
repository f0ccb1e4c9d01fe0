// Conflict candidates (SPEC §5) arrive typed from /registrations/check, but as plain objects in a
// registration's `conflicts` and in a 409 answer's body: read those defensively.
import { CustomerStatus, type ConflictCandidate } from '../client';
import { isApiError } from '../api';
import { isEnumValue } from './enums';

function toCandidate(raw: unknown): ConflictCandidate | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.name !== 'string' || typeof r.score !== 'number') return null;
  return {
    name: r.name,
    score: Math.min(1, Math.max(0, r.score)),
    reason: typeof r.reason === 'string' ? r.reason : '',
    status: isEnumValue(CustomerStatus, r.status) ? r.status : 'protected',
    status_text: typeof r.status_text === 'string' ? r.status_text : '',
    pool_customer_id: typeof r.pool_customer_id === 'number' ? r.pool_customer_id : null,
  };
}

/** The well-formed candidates of a list, best first. */
export function toCandidates(raw: unknown): ConflictCandidate[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .map(toCandidate)
    .filter((c): c is ConflictCandidate => c !== null)
    .sort((a, b) => b.score - a.score);
}

/** The candidates a refused registration (409 registration_blocked) came with. */
export function candidatesOfError(error: unknown): ConflictCandidate[] {
  return isApiError(error) ? toCandidates(error.body.candidates) : [];
}

/** A score in 0..1 as a whole percentage. */
export function scorePercent(score: number): string {
  return `${Math.round(score * 100)}%`;
}
