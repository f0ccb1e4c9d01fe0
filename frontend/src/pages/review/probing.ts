import type { ProbingUser } from '../../client';

/** Flagged users first, then by how many names they checked. */
export function byConcern(a: ProbingUser, b: ProbingUser): number {
  return Number(b.flagged) - Number(a.flagged) || b.names_checked - a.names_checked;
}
