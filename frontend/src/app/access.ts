// What each role may see and do in the SPA, derived from /me. Role-dependent UI goes through
// here only; the API enforces the same rules (SPEC §3) anyway.
import { Role, type CustomerPublic, type PoolCustomer, type RegistrationPublic, type UserPublic } from '../client';
import type { MessageKey } from '../locales/i18n';

export type Area =
  | 'desk'
  | 'home'
  | 'register'
  | 'pool'
  | 'applications'
  | 'review'
  | 'rules'
  | 'people'
  | 'agents'
  | 'audit'
  | 'outbox'
  | 'stats'
  | 'forecast'
  | 'scorecard'
  | 'tokens'
  | 'imports'
  | 'announcements'
  | 'catalogs'
  | 'orders';

export interface MenuEntry {
  key: Area;
  path: string;
  label: MessageKey;
}

export interface Access {
  role: Role | null;
  /** Where signing in lands: the vendor's staff start the day at the desk (工作台). */
  startPath: string;
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
  /** The master account reassigns a customer's contact and FAEs, one or many at once. */
  assignsCustomerPeople: boolean;
  /** The home list filters by salesperson: those who see more than one salesperson's customers. */
  filtersBySalesperson: boolean;
  /** The vendor decides applications, releases and reviews customers. */
  decidesApplications: boolean;
  /** Rename a customer (the old name kept as 曾用名) and link it into a group. */
  correctsCustomerIdentity: boolean;
  /** The assistant and the master account enter and edit sales records (SPEC §9). */
  entersOrders: boolean;
  /** Forecast accuracy (forecast vs actual): vendor, master account, assistant. */
  seesForecastAccuracy: boolean;
  /** The vendor writes announcements (公告) and sees their read receipts; everybody reads. */
  writesAnnouncements: boolean;
  /** The vendor maintains the catalogs (product domains, MCU models); everyone reads them. */
  managesCatalogs: boolean;
}

export const ALL_ROLES: Role[] = Object.values(Role);
const AGENT_STAFF: Role[] = ['sales', 'fae', 'assistant'];

const MENU: Record<Area, MenuEntry> = {
  desk: { key: 'desk', path: '/desk', label: 'desk.nav' },
  home: { key: 'home', path: '/', label: 'nav.home' },
  register: { key: 'register', path: '/register', label: 'nav.register' },
  pool: { key: 'pool', path: '/pool', label: 'nav.pool' },
  applications: { key: 'applications', path: '/applications', label: 'nav.applications' },
  review: { key: 'review', path: '/review', label: 'nav.review' },
  rules: { key: 'rules', path: '/rules', label: 'nav.rules' },
  people: { key: 'people', path: '/people', label: 'nav.people' },
  agents: { key: 'agents', path: '/agents', label: 'nav.agents' },
  audit: { key: 'audit', path: '/audit', label: 'nav.audit' },
  outbox: { key: 'outbox', path: '/outbox', label: 'mail.nav.outbox' },
  stats: { key: 'stats', path: '/stats', label: 'sales.nav.stats' },
  forecast: { key: 'forecast', path: '/forecast', label: 'sales.nav.forecast' },
  scorecard: { key: 'scorecard', path: '/scorecard', label: 'scorecard.nav' },
  tokens: { key: 'tokens', path: '/tokens', label: 'sales.nav.tokens' },
  imports: { key: 'imports', path: '/imports', label: 'imports.nav' },
  announcements: { key: 'announcements', path: '/announcements', label: 'ann.nav' },
  catalogs: { key: 'catalogs', path: '/catalogs', label: 'catalog.nav' },
  orders: { key: 'orders', path: '/orders', label: 'orders.nav' },
};

// Areas every signed-in role has, after its own (SPEC §3: announcements are read by all).
const EVERY_ROLE: Area[] = ['announcements'];

const AREAS_BY_ROLE: Record<Role, Area[]> = {
  vendor: ['desk', 'home', 'pool', 'applications', 'review', 'orders', 'stats', 'forecast', 'scorecard', 'rules', 'catalogs', 'people', 'agents', 'imports', 'tokens', 'audit', 'outbox'],
  agent_admin: ['home', 'register', 'pool', 'applications', 'orders', 'stats', 'forecast', 'people', 'catalogs'],
  sales: ['home', 'register', 'pool', 'applications', 'orders', 'stats', 'forecast', 'catalogs'],
  // The FAE browses the pool (read-only: applying is for sales and the master account).
  fae: ['home', 'orders', 'pool', 'stats', 'forecast', 'catalogs'],
  assistant: ['home', 'orders', 'pool', 'applications', 'stats', 'forecast', 'catalogs'],
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
  startPath: '/',
  menu: [],
  areas: new Set(),
  assignableRoles: [],
  visibleRoles: [],
  seesAllAgents: false,
  registersCustomers: false,
  picksContact: false,
  assignsCustomerPeople: false,
  filtersBySalesperson: false,
  decidesApplications: false,
  correctsCustomerIdentity: false,
  entersOrders: false,
  seesForecastAccuracy: false,
  writesAnnouncements: false,
  managesCatalogs: false,
};

export function accessFor(me: Pick<UserPublic, 'role'> | null | undefined): Access {
  if (!me) return NOBODY;
  const areas = [...(AREAS_BY_ROLE[me.role] ?? ['home']), ...EVERY_ROLE];
  return {
    role: me.role,
    startPath: areas.includes('desk') ? MENU.desk.path : '/',
    menu: areas.map((area) => MENU[area]),
    areas: new Set(areas),
    assignableRoles: ASSIGNABLE_BY_ROLE[me.role] ?? [],
    visibleRoles: VISIBLE_BY_ROLE[me.role] ?? [],
    seesAllAgents: me.role === 'vendor',
    registersCustomers: me.role === 'sales' || me.role === 'agent_admin',
    picksContact: me.role === 'agent_admin',
    assignsCustomerPeople: me.role === 'agent_admin',
    filtersBySalesperson: me.role === 'agent_admin' || me.role === 'vendor',
    decidesApplications: me.role === 'vendor',
    correctsCustomerIdentity: me.role === 'vendor',
    entersOrders: me.role === 'assistant' || me.role === 'agent_admin',
    seesForecastAccuracy: me.role === 'vendor' || me.role === 'agent_admin' || me.role === 'assistant',
    writesAnnouncements: me.role === 'vendor',
    managesCatalogs: me.role === 'vendor',
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
export type ExtensionRefusal = 'role' | 'notProtected' | 'review' | 'expired' | 'pending';

export function extensionRefusal(
  access: Access,
  me: Pick<UserPublic, 'id'>,
  customer: CustomerParties &
    Pick<CustomerPublic, 'status' | 'protection_mode' | 'protection_until' | 'open_extension'>,
  now: Date = new Date(),
): ExtensionRefusal | null {
  if (!worksOn(access, me, customer)) return 'role';
  if (customer.status !== 'protected' || !customer.protection_until) return 'notProtected';
  if (customer.protection_mode !== 'period') return 'review';
  if (new Date(customer.protection_until).getTime() <= now.getTime()) return 'expired';
  if (customer.open_extension) return 'pending'; // one open application per customer (the server's rule)
  return null;
}

/** Why applying for a pool customer is refused, or null when it may be asked (SPEC §3, §5). */
export type PoolRefusal = 'role' | 'cooldown';

export function poolRefusal(
  access: Access,
  customer: Pick<PoolCustomer, 'cooldown_until'>,
  now: Date = new Date(),
): PoolRefusal | null {
  if (!access.registersCustomers) return 'role';
  if (customer.cooldown_until && new Date(customer.cooldown_until).getTime() > now.getTime()) return 'cooldown';
  return null;
}

/** Enter or edit a customer's sales records: assistant / master account, protected customers only. */
export function canEnterOrders(access: Access, customer: Pick<CustomerPublic, 'status'>): boolean {
  return access.entersOrders && customer.status === 'protected';
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

/** What the follow-up screen (客户跟进, SPEC §7) lets this user do on `customer`. */
export interface FollowupRights {
  /** Start a new report: the master account or the contact, protected customers only. */
  writes: boolean;
  /** Change the entries of an existing report (also an assigned FAE). */
  editsEntries: boolean;
  /** Change the customer news of an existing report (not an FAE). */
  editsNews: boolean;
  /** Comment (点评) on reports and entries: the vendor. */
  comments: boolean;
  /** See earlier versions of a report: the vendor and the master account. */
  seesRevisions: boolean;
}

export function followupRights(
  access: Access,
  me: Pick<UserPublic, 'id'>,
  customer: CustomerParties & Pick<CustomerPublic, 'status' | 'faes'>,
): FollowupRights {
  const protectedCustomer = customer.status === 'protected';
  const writer = worksOn(access, me, customer);
  const fae = access.role === 'fae' && customer.faes.some((person) => person.id === me.id);
  return {
    writes: writer && protectedCustomer,
    editsEntries: (writer || fae) && protectedCustomer,
    editsNews: writer && protectedCustomer,
    comments: access.role === 'vendor',
    seesRevisions: access.role === 'vendor' || access.role === 'agent_admin',
  };
}
