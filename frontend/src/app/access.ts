// What each role may see and do in the SPA, derived from /me. Role-dependent UI goes through
// here only; the API enforces the same rules (SPEC §3) anyway.
import type { Role, UserPublic } from '../client';
import type { MessageKey } from '../locales/i18n';

export type Area = 'home' | 'people' | 'agents' | 'audit';

export interface MenuEntry {
  key: Area;
  path: string;
  label: MessageKey;
}

export interface Access {
  role: Role | null;
  /** Side menu, in order. */
  menu: MenuEntry[];
  areas: ReadonlySet<Area>;
  /** Roles this user may give to accounts they create or edit (empty: manages nobody). */
  assignableRoles: Role[];
  /** Roles worth filtering the people table by (what the user can see). */
  visibleRoles: Role[];
  /** Vendor only: people of every agent, so the table shows and filters by agent. */
  seesAllAgents: boolean;
}

export const ALL_ROLES: Role[] = ['vendor', 'agent_admin', 'sales', 'fae', 'assistant'];
const AGENT_STAFF: Role[] = ['sales', 'fae', 'assistant'];

const MENU: Record<Area, MenuEntry> = {
  home: { key: 'home', path: '/', label: 'nav.home' },
  people: { key: 'people', path: '/people', label: 'nav.people' },
  agents: { key: 'agents', path: '/agents', label: 'nav.agents' },
  audit: { key: 'audit', path: '/audit', label: 'nav.audit' },
};

const AREAS_BY_ROLE: Record<Role, Area[]> = {
  vendor: ['home', 'people', 'agents', 'audit'],
  agent_admin: ['home', 'people'],
  sales: ['home'],
  fae: ['home'],
  assistant: ['home'],
};

const ASSIGNABLE_BY_ROLE: Record<Role, Role[]> = {
  vendor: ['vendor', 'agent_admin'],
  agent_admin: AGENT_STAFF,
  sales: [],
  fae: [],
  assistant: [],
};

const VISIBLE_BY_ROLE: Record<Role, Role[]> = {
  vendor: ALL_ROLES,
  agent_admin: ['agent_admin', ...AGENT_STAFF],
  sales: [],
  fae: [],
  assistant: [],
};

export function accessFor(me: Pick<UserPublic, 'role'> | null | undefined): Access {
  if (!me) {
    return { role: null, menu: [], areas: new Set(), assignableRoles: [], visibleRoles: [], seesAllAgents: false };
  }
  const areas = AREAS_BY_ROLE[me.role] ?? ['home'];
  return {
    role: me.role,
    menu: areas.map((area) => MENU[area]),
    areas: new Set(areas),
    assignableRoles: ASSIGNABLE_BY_ROLE[me.role] ?? [],
    visibleRoles: VISIBLE_BY_ROLE[me.role] ?? [],
    seesAllAgents: me.role === 'vendor',
  };
}

export function canSee(access: Access, area: Area): boolean {
  return access.areas.has(area);
}

/** May this user edit / deactivate / reset `target`? Never themselves (that is the profile page). */
export function canManage(
  access: Access,
  me: Pick<UserPublic, 'id'>,
  target: Pick<UserPublic, 'id' | 'role'>,
): boolean {
  return target.id !== me.id && access.assignableRoles.includes(target.role);
}

/** Roles `target` may be moved to: the same side only (vendor staff never become agent staff). */
export function roleChoicesFor(access: Access, target: Pick<UserPublic, 'role'>): Role[] {
  const vendorSide = target.role === 'vendor';
  return access.assignableRoles.filter((role) => (role === 'vendor') === vendorSide);
}
