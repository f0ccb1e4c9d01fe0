import { describe, expect, it } from 'vitest';
import { accessFor } from '../../app/access';
import type { Role } from '../../client';
import { rowMenuItems } from './rowMenuItems';

const NOW = new Date('2026-11-27T06:00:00Z');
const PROTECTED = {
  status: 'protected' as const,
  protection_mode: 'period' as const,
  protection_until: '2026-12-06T06:29:00Z',
  contact: { id: 3, display_name: '李明' },
  open_extension: false,
};

const state = (role: Role, me: { id: number }, customer = PROTECTED) =>
  Object.fromEntries(rowMenuItems(accessFor({ role }), me, customer, NOW).map((item) => [item.key, item]));

describe('the home row menu', () => {
  it('offers follow-up, sales records, extension and details, in that order', () => {
    expect(rowMenuItems(accessFor({ role: 'sales' }), { id: 3 }, PROTECTED, NOW).map((i) => i.key)).toEqual([
      'followup',
      'orders',
      'extension',
      'details',
    ]);
  });

  it('shows follow-up and sales records disabled until the next release, with that as the hint', () => {
    const items = state('agent_admin', { id: 2 });
    expect(items.followup.disabled).toBe(false);
    expect(items.followup.hint).toBeUndefined();
    expect(items.orders.disabled).toBe(false);
    expect(items.orders.hint).toBeUndefined();
  });

  it('enables sales records (销售记录) for everyone who sees the customer', () => {
    for (const role of ['vendor', 'agent_admin', 'sales', 'fae', 'assistant'] as Role[]) {
      expect(state(role, { id: 1 }).orders.disabled).toBe(false);
      expect(state(role, { id: 1 }).orders.hint).toBeUndefined();
    }
  });

  it('enables follow-up (客户跟进) for everyone who sees the customer', () => {
    for (const role of ['vendor', 'agent_admin', 'sales', 'fae', 'assistant'] as Role[]) {
      expect(state(role, { id: 1 }).followup.disabled).toBe(false);
    }
  });

  it('always enables details', () => {
    for (const role of ['vendor', 'agent_admin', 'sales', 'fae', 'assistant'] as Role[]) {
      expect(state(role, { id: 1 }).details.disabled).toBe(false);
    }
  });

  it('enables the extension for the contact salesperson of a protected customer before the deadline', () => {
    expect(state('sales', { id: 3 }).extension).toMatchObject({ disabled: false, hint: undefined });
    expect(state('agent_admin', { id: 2 }).extension.disabled).toBe(false);
  });

  it('disables the extension, saying why, in every other case', () => {
    expect(state('sales', { id: 9 }).extension).toMatchObject({ disabled: true, hint: 'extension.refusal.role' });
    expect(state('vendor', { id: 1 }).extension).toMatchObject({ disabled: true, hint: 'extension.refusal.role' });
    expect(state('sales', { id: 3 }, { ...PROTECTED, status: 'pending' } as never).extension.hint).toBe('extension.refusal.notProtected');
    expect(state('sales', { id: 3 }, { ...PROTECTED, protection_mode: 'review' } as never).extension.hint).toBe('extension.refusal.review');
    expect(state('sales', { id: 3 }, { ...PROTECTED, protection_until: '2026-11-20T00:00:00Z' }).extension.hint).toBe(
      'extension.refusal.expired',
    );
  });

  it('disables the extension while one already waits, saying so before anything is typed', () => {
    expect(state('sales', { id: 3 }, { ...PROTECTED, open_extension: true }).extension).toMatchObject({
      disabled: true,
      hint: 'extension.refusal.pending',
    });
  });
});
