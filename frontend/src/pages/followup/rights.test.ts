// access.ts's follow-up rules (followupRights), kept beside the screen that uses them.
import { describe, expect, it } from 'vitest';
import { accessFor, followupRights } from '../../app/access';
import type { Role } from '../../client';

const CUSTOMER = {
  status: 'protected' as const,
  contact: { id: 3, display_name: '李明' },
  faes: [{ id: 5, display_name: '王工' }],
};
const rights = (role: Role, id: number, customer = CUSTOMER) => followupRights(accessFor({ role }), { id }, customer);

describe('follow-up rights (access.ts)', () => {
  it('lets the contact salesperson and the master account write and edit everything', () => {
    for (const [role, id] of [['sales', 3], ['agent_admin', 2]] as [Role, number][]) {
      expect(rights(role, id)).toMatchObject({ writes: true, editsEntries: true, editsNews: true, comments: false });
    }
  });

  it('lets an assigned FAE change entries only: no new report, no customer news', () => {
    expect(rights('fae', 5)).toMatchObject({ writes: false, editsEntries: true, editsNews: false });
    expect(rights('fae', 6)).toMatchObject({ writes: false, editsEntries: false, editsNews: false });
  });

  it('keeps another salesperson, the assistant and the vendor read-only; the vendor comments', () => {
    expect(rights('sales', 9)).toMatchObject({ writes: false, editsEntries: false });
    expect(rights('assistant', 7)).toMatchObject({ writes: false, editsEntries: false, editsNews: false, comments: false });
    expect(rights('vendor', 1)).toMatchObject({ writes: false, editsEntries: false, comments: true });
  });

  it('shows earlier versions to the vendor and the master account only', () => {
    const sees = (role: Role) => rights(role, 3).seesRevisions;
    expect((['vendor', 'agent_admin', 'sales', 'fae', 'assistant'] as Role[]).filter(sees)).toEqual(['vendor', 'agent_admin']);
  });

  it('writes reports for protected customers only', () => {
    expect(rights('sales', 3, { ...CUSTOMER, status: 'released' } as never)).toMatchObject({ writes: false, editsEntries: false });
  });
});
