import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUSES, statusesFor } from './useCustomers';

describe('the home list’s states under a to-do filter', () => {
  it('drops the status filter when a to-do kind is turned on, so the list holds what was counted', () => {
    expect(statusesFor('decided', DEFAULT_STATUSES)).toEqual([]);
  });

  it('brings the usual states back when the to-do filter is turned off', () => {
    expect(statusesFor(null, [])).toEqual(DEFAULT_STATUSES);
    expect(statusesFor(null, ['released'])).toEqual(['released']);
  });
});
