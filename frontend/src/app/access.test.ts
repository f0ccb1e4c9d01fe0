import { describe, expect, it } from 'vitest';
import type { Role } from '../client';
import { accessFor, canManage, canSee, roleChoicesFor } from './access';

const menuOf = (role: Role) => accessFor({ role }).menu.map((entry) => entry.key);

describe('access.ts: the side menu per role', () => {
  it('shows the vendor Home, People, Agents and Audit log', () => {
    expect(menuOf('vendor')).toEqual(['home', 'people', 'agents', 'audit']);
  });

  it('shows an agent master account Home and People only', () => {
    expect(menuOf('agent_admin')).toEqual(['home', 'people']);
  });

  it.each<Role>(['sales', 'fae', 'assistant'])('shows %s only Home', (role) => {
    expect(menuOf(role)).toEqual(['home']);
    const access = accessFor({ role });
    expect(canSee(access, 'people')).toBe(false);
    expect(canSee(access, 'agents')).toBe(false);
    expect(canSee(access, 'audit')).toBe(false);
  });

  it('shows nothing before /me is known', () => {
    expect(accessFor(undefined).menu).toEqual([]);
  });

  it('menu paths point at the routes', () => {
    expect(accessFor({ role: 'vendor' }).menu.map((e) => e.path)).toEqual(['/', '/people', '/agents', '/audit']);
  });
});

describe('access.ts: whom a role may manage', () => {
  it('lets the vendor create vendor staff and agent master accounts only', () => {
    expect(accessFor({ role: 'vendor' }).assignableRoles).toEqual(['vendor', 'agent_admin']);
  });

  it('lets an agent master account create its own sales, FAE and assistants', () => {
    expect(accessFor({ role: 'agent_admin' }).assignableRoles).toEqual(['sales', 'fae', 'assistant']);
  });

  it.each<Role>(['sales', 'fae', 'assistant'])('lets %s manage nobody', (role) => {
    expect(accessFor({ role }).assignableRoles).toEqual([]);
  });

  it('never offers to manage oneself', () => {
    const access = accessFor({ role: 'vendor' });
    expect(canManage(access, { id: 1 }, { id: 1, role: 'vendor' })).toBe(false);
    expect(canManage(access, { id: 1 }, { id: 2, role: 'vendor' })).toBe(true);
  });

  it('does not let an agent master account manage another master account', () => {
    const access = accessFor({ role: 'agent_admin' });
    expect(canManage(access, { id: 1 }, { id: 2, role: 'agent_admin' })).toBe(false);
  });

  it('keeps role changes on their side (vendor staff never become agent staff)', () => {
    const vendor = accessFor({ role: 'vendor' });
    expect(roleChoicesFor(vendor, { role: 'vendor' })).toEqual(['vendor']);
    expect(roleChoicesFor(vendor, { role: 'agent_admin' })).toEqual(['agent_admin']);
    expect(roleChoicesFor(accessFor({ role: 'agent_admin' }), { role: 'fae' })).toEqual(['sales', 'fae', 'assistant']);
  });

  it('lets only the vendor see and filter by every agent', () => {
    expect(accessFor({ role: 'vendor' }).seesAllAgents).toBe(true);
    expect(accessFor({ role: 'agent_admin' }).seesAllAgents).toBe(false);
  });
});
