// What a name check (GET /registrations/check) means for the person registering (SPEC §5):
// blocked (first come, first served), similar names the vendor will judge, or nothing similar.
import type { CheckResult, ConflictCandidate } from '../../client';
import type { MessageKey } from '../../locales/i18n';

/** Every check is logged by the server: only names long enough to mean something are checked. */
export const CHECK_MIN_CHARS = 4;
export const CHECK_DEBOUNCE_MS = 400;

export function shouldCheck(name: string): boolean {
  return [...name.trim()].length >= CHECK_MIN_CHARS;
}

export interface CheckAlert {
  kind: 'blocked' | 'fuzzy' | 'clear';
  type: 'error' | 'warning' | 'success';
  title: MessageKey;
  text: MessageKey;
  /** Blocked by a pool customer: it can be applied for from the pool instead. */
  poolCandidates: ConflictCandidate[];
}

export function checkAlert(result: Pick<CheckResult, 'blocked' | 'candidates'>): CheckAlert {
  if (result.blocked) {
    return {
      kind: 'blocked',
      type: 'error',
      title: 'register.check.blockedTitle',
      text: 'register.check.blockedText',
      poolCandidates: result.candidates.filter((c) => c.pool_customer_id != null),
    };
  }
  if (result.candidates.length > 0) {
    return { kind: 'fuzzy', type: 'warning', title: 'register.check.fuzzyTitle', text: 'register.check.fuzzyText', poolCandidates: [] };
  }
  return { kind: 'clear', type: 'success', title: 'register.check.clearTitle', text: 'register.check.clearText', poolCandidates: [] };
}

const WARNINGS: Record<string, MessageKey> = {
  missing_legal_form: 'register.warning.missing_legal_form',
  looks_like_short_name: 'register.warning.looks_like_short_name',
};

/** Name warnings (not blocking) as hints; codes this SPA does not know yet are left out. */
export function nameHints(warnings: string[] | undefined): MessageKey[] {
  return (warnings ?? []).map((w) => WARNINGS[w]).filter((key): key is MessageKey => !!key);
}
