import { describe, expect, it } from 'vitest';
import type { CustomerPublic, Role } from '../client';
import {
  accessFor,
  canEditCustomer,
  canEnterOrders,
  canManage,
  canReleaseCustomer,
  canReviewCustomer,
  canSee,
  canWithdraw,
  extensionRefusal,
  poolRefusal,
  roleChoicesFor,
} from './access';

const menuOf = (role: Role) => accessFor({ role }).menu.map((entry) => entry.key);

describe('access.ts: the side menu per role', () => {
  it('shows the vendor everything but registering', () => {
    expect(menuOf('vendor')).toEqual([
      'desk', 'home', 'pool', 'applications', 'review', 'orders', 'stats', 'forecast', 'scorecard', 'rules', 'catalogs', 'people', 'agents', 'imports', 'tokens', 'audit',
      'outbox', 'announcements',
    ]);
  });

  it('shows an agent master account registering, the pool, applications and its people', () => {
    expect(menuOf('agent_admin')).toEqual(['home', 'register', 'pool', 'applications', 'orders', 'stats', 'forecast', 'people', 'catalogs', 'announcements']);
  });

  it('shows sales registering, the pool and applications', () => {
    expect(menuOf('sales')).toEqual(['home', 'register', 'pool', 'applications', 'orders', 'stats', 'forecast', 'catalogs', 'announcements']);
  });

  it('shows an assistant the pool and applications, without registering', () => {
    expect(menuOf('assistant')).toEqual(['home', 'orders', 'pool', 'applications', 'stats', 'forecast', 'catalogs', 'announcements']);
  });

  it('shows an FAE Home, the pool to browse, statistics and forecast (no applications)', () => {
    expect(menuOf('fae')).toEqual(['home', 'orders', 'pool', 'stats', 'forecast', 'catalogs', 'announcements']);
  });

  it.each<Role>(['agent_admin', 'sales', 'fae', 'assistant'])('hides approvals, rules, agents, audit, the outbox and the scorecard from %s', (role) => {
    const access = accessFor({ role });
    for (const area of ['review', 'rules', 'agents', 'audit', 'outbox', 'scorecard'] as const) expect(canSee(access, area)).toBe(false);
  });

  it('lets only sales and master accounts register and apply from the pool', () => {
    const registering = (['vendor', 'agent_admin', 'sales', 'fae', 'assistant'] as Role[]).filter(
      (role) => accessFor({ role }).registersCustomers,
    );
    expect(registering).toEqual(['agent_admin', 'sales']);
  });

  it('lets only the master account pick the contact and assign people', () => {
    expect(accessFor({ role: 'agent_admin' })).toMatchObject({ picksContact: true, assignsCustomerPeople: true });
    expect(accessFor({ role: 'sales' })).toMatchObject({ picksContact: false, assignsCustomerPeople: false });
  });

  it('filters the home list by salesperson for those who see several salespeople', () => {
    const filtering = (['vendor', 'agent_admin', 'sales', 'fae', 'assistant'] as Role[]).filter(
      (role) => accessFor({ role }).filtersBySalesperson,
    );
    expect(filtering).toEqual(['vendor', 'agent_admin']);
  });

  it('lets every role read announcements and only the vendor write them', () => {
    for (const role of ['vendor', 'agent_admin', 'sales', 'fae', 'assistant'] as Role[]) {
      expect(canSee(accessFor({ role }), 'announcements')).toBe(true);
      expect(accessFor({ role }).writesAnnouncements).toBe(role === 'vendor');
    }
  });

  it('lets everyone read the catalogs and only the vendor maintain them', () => {
    const managing = (['vendor', 'agent_admin', 'sales', 'fae', 'assistant'] as Role[]).filter(
      (role) => accessFor({ role }).managesCatalogs,
    );
    expect(managing).toEqual(['vendor']);
    for (const role of ['vendor', 'agent_admin', 'sales', 'fae', 'assistant'] as Role[]) {
      expect(canSee(accessFor({ role }), 'catalogs')).toBe(true);
    }
  });

  it('shows every role the order desk (each sees the orders of the customers it may see)', () => {
    for (const role of ['vendor', 'agent_admin', 'sales', 'fae', 'assistant'] as Role[]) {
      expect(canSee(accessFor({ role }), 'orders')).toBe(true);
    }
  });

  it('shows nothing before /me is known', () => {
    expect(accessFor(undefined).menu).toEqual([]);
  });

  it('starts the vendor at the desk and everyone else at home', () => {
    expect(accessFor({ role: 'vendor' }).startPath).toBe('/desk');
    for (const role of ['agent_admin', 'sales', 'fae', 'assistant'] as Role[]) expect(accessFor({ role }).startPath).toBe('/');
  });

  it('menu paths point at the routes', () => {
    expect(accessFor({ role: 'vendor' }).menu.map((e) => e.path)).toEqual([
      '/desk',
      '/',
      '/pool',
      '/applications',
      '/review',
      '/orders',
      '/stats',
      '/forecast',
      '/scorecard',
      '/rules',
      '/catalogs',
      '/people',
      '/agents',
      '/imports',
      '/tokens',
      '/audit',
      '/outbox',
      '/announcements',
    ]);
    expect(accessFor({ role: 'sales' }).menu.map((e) => e.path)).toContain('/register');
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

const NOW = new Date('2026-11-27T06:00:00Z');
const ME = { id: 3, agent: { id: 1, name: '华南代理' } };

function customer(patch: Partial<CustomerPublic> = {}): CustomerPublic {
  return {
    id: 1,
    name: '东莞市锐进电器有限公司',
    credit_code: null,
    province: '广东省',
    city: '东莞市',
    product_domain: { id: 2, name: '大家电' },
    annual_mcu_usage_wan: 120,
    mcus_in_use: [],
    purchaser: '',
    factory: '',
    founded_on: null,
    registered_capital: '',
    major_events: '',
    industry_position: '',
    status: 'protected',
    agent: { id: 1, name: '华南代理' },
    contact: { id: 3, display_name: '李明' },
    faes: [],
    project_stage: null,
    protection_mode: 'period',
    protection_until: '2026-12-06T06:29:00Z',
    next_review_at: null,
    days_left: 9,
    near_expiry: true,
    approved_at: '2026-08-25T06:29:00Z',
    created_at: '2026-08-24T06:29:00Z',
    updated_at: '2026-08-24T06:29:00Z',
    last_report_at: null,
    followup_overdue: false,
    unread_comments: 0,
    open_extension: false,
    ...patch,
  };
}

describe('access.ts: what may be done to a customer', () => {
  const sales = accessFor({ role: 'sales' });
  const admin = accessFor({ role: 'agent_admin' });

  it('lets the contact salesperson and the master account ask for an extension', () => {
    expect(extensionRefusal(sales, ME, customer(), NOW)).toBeNull();
    expect(extensionRefusal(admin, { id: 2 }, customer(), NOW)).toBeNull();
  });

  it('refuses an extension to a salesperson who is not the contact, and to other roles', () => {
    expect(extensionRefusal(sales, { id: 99 }, customer(), NOW)).toBe('role');
    for (const role of ['vendor', 'fae', 'assistant'] as Role[]) {
      expect(extensionRefusal(accessFor({ role }), ME, customer(), NOW)).toBe('role');
    }
  });

  it('refuses an extension unless protected for a period that has not ended', () => {
    expect(extensionRefusal(sales, ME, customer({ status: 'pending', protection_until: null }), NOW)).toBe('notProtected');
    expect(extensionRefusal(sales, ME, customer({ status: 'released' }), NOW)).toBe('notProtected');
    expect(extensionRefusal(sales, ME, customer({ protection_mode: 'review' }), NOW)).toBe('review');
    expect(extensionRefusal(sales, ME, customer({ protection_until: '2026-11-27T05:59:59Z' }), NOW)).toBe('expired');
  });

  it('refuses a second extension while one waits for the manufacturer', () => {
    expect(extensionRefusal(sales, ME, customer({ open_extension: true }), NOW)).toBe('pending');
    expect(extensionRefusal(admin, { id: 2 }, customer({ open_extension: true }), NOW)).toBe('pending');
  });

  it('lets the vendor, the master account and the contact edit details', () => {
    expect(canEditCustomer(accessFor({ role: 'vendor' }), { id: 1 }, customer())).toBe(true);
    expect(canEditCustomer(admin, { id: 2 }, customer())).toBe(true);
    expect(canEditCustomer(sales, ME, customer())).toBe(true);
    expect(canEditCustomer(sales, { id: 99 }, customer())).toBe(false);
    expect(canEditCustomer(accessFor({ role: 'fae' }), ME, customer())).toBe(false);
    expect(canEditCustomer(accessFor({ role: 'assistant' }), ME, customer())).toBe(false);
  });

  it('lets the vendor release protected customers and review mass-production ones', () => {
    const vendor = accessFor({ role: 'vendor' });
    expect(canReleaseCustomer(vendor, customer())).toBe(true);
    expect(canReleaseCustomer(vendor, customer({ status: 'pending' }))).toBe(false);
    expect(canReleaseCustomer(admin, customer())).toBe(false);
    expect(canReviewCustomer(vendor, customer())).toBe(false);
    expect(canReviewCustomer(vendor, customer({ protection_mode: 'review' }))).toBe(true);
  });
});

describe('access.ts: applying from the pool', () => {
  it('refuses roles that do not register customers, however long ago the release', () => {
    for (const role of ['vendor', 'fae', 'assistant'] as Role[]) {
      expect(poolRefusal(accessFor({ role }), { cooldown_until: null }, NOW)).toBe('role');
    }
  });

  it('refuses the releasing agent until its cooldown ends', () => {
    const sales = accessFor({ role: 'sales' });
    expect(poolRefusal(sales, { cooldown_until: '2026-12-01T00:00:00Z' }, NOW)).toBe('cooldown');
    expect(poolRefusal(sales, { cooldown_until: '2026-11-27T05:00:00Z' }, NOW)).toBeNull();
    expect(poolRefusal(accessFor({ role: 'agent_admin' }), { cooldown_until: null }, NOW)).toBeNull();
  });
});

describe('access.ts: withdrawing a registration', () => {
  const registration = (patch: object = {}) => ({
    status: 'pending' as const,
    applicant: { id: 3, display_name: '李明' },
    agent: { id: 1, name: '华南代理' },
    ...patch,
  });

  it('lets the applicant withdraw while pending', () => {
    expect(canWithdraw(accessFor({ role: 'sales' }), ME, registration())).toBe(true);
    expect(canWithdraw(accessFor({ role: 'sales' }), ME, registration({ status: 'approved' }))).toBe(false);
  });

  it('lets the master account withdraw its own agent’s applications only', () => {
    const admin = accessFor({ role: 'agent_admin' });
    expect(canWithdraw(admin, { id: 2, agent: { id: 1, name: '华南代理' } }, registration())).toBe(true);
    expect(canWithdraw(admin, { id: 2, agent: { id: 2, name: '华东代理' } }, registration())).toBe(false);
  });

  it('does not let another salesperson, an assistant or the vendor withdraw', () => {
    expect(canWithdraw(accessFor({ role: 'sales' }), { id: 8, agent: ME.agent }, registration())).toBe(false);
    expect(canWithdraw(accessFor({ role: 'assistant' }), ME, registration())).toBe(false);
    expect(canWithdraw(accessFor({ role: 'vendor' }), { id: 1, agent: null }, registration())).toBe(false);
  });
});

describe('access.ts: sales records, statistics, forecast and API tokens', () => {
  it('shows statistics and forecast to every role, API tokens to the vendor only', () => {
    for (const role of ['vendor', 'agent_admin', 'sales', 'fae', 'assistant'] as Role[]) {
      const access = accessFor({ role });
      expect(canSee(access, 'stats')).toBe(true);
      expect(canSee(access, 'forecast')).toBe(true);
      expect(canSee(access, 'tokens')).toBe(role === 'vendor');
    }
    expect(accessFor({ role: 'vendor' }).menu.find((e) => e.key === 'tokens')?.label).toBe('sales.nav.tokens');
  });

  it('lets the assistant and the master account enter orders of protected customers only', () => {
    for (const role of ['vendor', 'agent_admin', 'sales', 'fae', 'assistant'] as Role[]) {
      const enters = role === 'assistant' || role === 'agent_admin';
      expect(canEnterOrders(accessFor({ role }), { status: 'protected' })).toBe(enters);
      expect(canEnterOrders(accessFor({ role }), { status: 'released' } as never)).toBe(false);
    }
  });

  it('shows forecast accuracy to the vendor, the master account and the assistant', () => {
    const sees = (role: Role) => accessFor({ role }).seesForecastAccuracy;
    expect((['vendor', 'agent_admin', 'sales', 'fae', 'assistant'] as Role[]).filter(sees)).toEqual([
      'vendor',
      'agent_admin',
      'assistant',
    ]);
  });
});
