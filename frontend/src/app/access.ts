// What each role may see and do in the SPA, derived from /me. Role-dependent UI goes through
// here only; the API enforces the same rules (SPEC §3) anyway.
import type { CustomerPublic, RegistrationPublic, Role, UserPublic } from '../client';
import type { MessageKey } from '../locales/i18n';

export type Area =
  | 'home'
  | 'register'
  | 'pool'
  | 'applications'
  | 'review'
  | 'rules'
  | 'people'
  | 'agents'
  | 'audit';

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
  /** Vendor only: people and customers of every agent, so tables show and filter by agent. */
  seesAllAgents: boolean;
  /** Sales and master accounts register customers and apply from the pool. */
  registersCustomers: boolean;
  /** The master account names the contact salesperson when registering (sales are it). */
  picksContact: boolean;
  /** The master account reassigns a customer's contact and FAEs. */
  assignsCustomerPeople: boolean;
  /** The vendor decides applications, releases and reviews customers. */
  decidesApplications: boolean;
}

export const ALL_ROLES: Role[] = ['vendor', 'agent_admin', 'sales', 'fae', 'assistant'];
const AGENT_STAFF: Role[] = ['sales', 'fae', 'assistant'];

const MENU: Record<Area, MenuEntry> = {
  home: { key: 'home', path: '/', label: 'nav.home' },
  register: { key: 'register', path: '/register', label: 'nav.register' },
  pool: { key: 'pool', path: '/pool', label: 'nav.pool' },
  applications: { key: 'applications', path: '/applications', label: 'nav.applications' },
  review: { key: 'review', path: '/review', label: 'nav.review' },
  rules: { key: 'rules', path: '/rules', label: 'nav.rules' },
  people: { key: 'people', path: '/people', label: 'nav.people' },
  agents: { key: 'agents', path: '/agents', label: 'nav.agents' },
  audit: { key: 'audit', path: '/audit', label: 'nav.audit' },
};

const AREAS_BY_ROLE: Record<Role, Area[]> = {
  vendor: ['home', 'pool', 'applications', 'review', 'rules', 'people', 'agents', 'audit'],
  agent_admin: ['home', 'register', 'pool', 'applications', 'people'],
  sales: ['home', 'register', 'pool', 'applications'],
  fae: ['home'],
  assistant: ['home', 'pool', 'applications'],
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

const NOBODY: Access = {
  role: null,
  menu: [],
  areas: new Set(),
  assignableRoles: [],
  visibleRoles: [],
  seesAllAgents: false,
  registersCustomers: false,
  picksContact: false,
  assignsCustomerPeople: false,
  decidesApplications: false,
};

export function accessFor(me: Pick<UserPublic, 'role'> | null | undefined): Access {
  if (!me) return NOBODY;
  const areas = AREAS_BY_ROLE[me.role] ?? ['home'];
  return {
    role: me.role,
    menu: areas.map((area) => MENU[area]),
    areas: new Set(areas),
    assignableRoles: ASSIGNABLE_BY_ROLE[me.role] ?? [],
    visibleRoles: VISIBLE_BY_ROLE[me.role] ?? [],
    seesAllAgents: me.role === 'vendor',
    registersCustomers: me.role === 'sales' || me.role === 'agent_admin',
    picksContact: me.role === 'agent_admin',
    assignsCustomerPeople: me.role === 'agent_admin',
    decidesApplications: me.role === 'vendor',
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

type CustomerParties = Pick<CustomerPublic, 'contact'>;

/** Work on a customer (edit details, ask for an extension): the master account or its contact. */
function worksOn(access: Access, me: Pick<UserPublic, 'id'>, customer: CustomerParties): boolean {
  if (access.role === 'agent_admin') return true; // the server shows it only its own agent's
  return access.role === 'sales' && customer.contact?.id === me.id;
}

/** Edit a customer's details: the vendor, the master account, the contact salesperson. */
export function canEditCustomer(access: Access, me: Pick<UserPublic, 'id'>, customer: CustomerParties): boolean {
  return access.role === 'vendor' || worksOn(access, me, customer);
}

/** Why an extension may not be asked for, or null when it may (SPEC §6). */
export type ExtensionRefusal = 'role' | 'notProtected' | 'review' | 'expired';

export function extensionRefusal(
  access: Access,
  me: Pick<UserPublic, 'id'>,
  customer: CustomerParties & Pick<CustomerPublic, 'status' | 'protection_mode' | 'protection_until'>,
  now: Date = new Date(),
): ExtensionRefusal | null {
  if (!worksOn(access, me, customer)) return 'role';
  if (customer.status !== 'protected' || !customer.protection_until) return 'notProtected';
  if (customer.protection_mode !== 'period') return 'review';
  if (new Date(customer.protection_until).getTime() <= now.getTime()) return 'expired';
  return null;
}

/** Vendor: release a protected customer to the pool. */
export function canReleaseCustomer(access: Access, customer: Pick<CustomerPublic, 'status'>): boolean {
  return access.decidesApplications && customer.status === 'protected';
}

/** Vendor: the periodic review of a mass-production (量产) customer. */
export function canReviewCustomer(
  access: Access,
  customer: Pick<CustomerPublic, 'status' | 'protection_mode'>,
): boolean {
  return canReleaseCustomer(access, customer) && customer.protection_mode === 'review';
}

/** Withdraw a pending registration: its applicant, or the master account of its agent. */
export function canWithdraw(
  access: Access,
  me: Pick<UserPublic, 'id' | 'agent'>,
  registration: Pick<RegistrationPublic, 'status' | 'applicant' | 'agent'>,
): boolean {
  if (registration.status !== 'pending') return false;
  if (access.role === 'agent_admin') return registration.agent.id === me.agent?.id;
  return access.registersCustomers && registration.applicant.id === me.id;
}
