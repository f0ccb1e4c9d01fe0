import { describe, expect, it } from 'vitest';
import type { ConflictCandidate } from '../../client';
import { checkAlert, nameHints, shouldCheck } from './checkAlert';

const candidate = (patch: Partial<ConflictCandidate> = {}): ConflictCandidate => ({
  name: '深圳市宏图智能科技有限公司',
  score: 0.897,
  reason: '核心字号相同，一方多出行业词',
  status: 'protected',
  status_text: '已报备，保护至 2027-02',
  pool_customer_id: null,
  ...patch,
});

describe('the name check → alert mapping', () => {
  it('is a red, blocking alert when the server says blocked', () => {
    const alert = checkAlert({ blocked: true, candidates: [candidate({ score: 1 })] });
    expect(alert).toMatchObject({ kind: 'blocked', type: 'error', title: 'register.check.blockedTitle', poolCandidates: [] });
  });

  it('offers applying from the pool for the pool candidates of a blocked name', () => {
    const pool = candidate({ name: '成都市天府智控科技有限公司', status: 'released', pool_customer_id: 13, score: 1 });
    const alert = checkAlert({ blocked: true, candidates: [pool, candidate()] });
    expect(alert.poolCandidates).toEqual([pool]);
  });

  it('is a yellow warning (the vendor decides) for fuzzy candidates that do not block', () => {
    expect(checkAlert({ blocked: false, candidates: [candidate()] })).toMatchObject({
      kind: 'fuzzy',
      type: 'warning',
      title: 'register.check.fuzzyTitle',
    });
  });

  it('is a green note when nothing similar exists', () => {
    expect(checkAlert({ blocked: false, candidates: [] })).toMatchObject({ kind: 'clear', type: 'success' });
  });

  it('never offers the pool when the name is not blocked', () => {
    const pool = candidate({ status: 'released', pool_customer_id: 13 });
    expect(checkAlert({ blocked: false, candidates: [pool] }).poolCandidates).toEqual([]);
  });
});

describe('when a name is checked', () => {
  it('checks from 4 characters, counting Chinese characters as one each', () => {
    expect(shouldCheck('深圳宏')).toBe(false);
    expect(shouldCheck('深圳宏图')).toBe(true);
    expect(shouldCheck('  abc  ')).toBe(false);
    expect(shouldCheck('abcd')).toBe(true);
  });
});

describe('name warnings', () => {
  it('become hints; unknown codes are left out', () => {
    expect(nameHints(['missing_legal_form', 'looks_like_short_name', 'something_new'])).toEqual([
      'register.warning.missing_legal_form',
      'register.warning.looks_like_short_name',
    ]);
    expect(nameHints(undefined)).toEqual([]);
  });
});
