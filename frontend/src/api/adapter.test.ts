import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { meReadMe, registrationsApply, usersListUsers } from '../client';
import { configureApi, refreshSession, registerRelogin, setApiLanguage } from './adapter';
import { connectivity } from './connectivity';
import { ApiError } from './errors';
import { sessionStore } from './session';

const BASE = 'http://channeldesk.test';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const token = (access_token: string, must_change_password = false) => ({
  access_token,
  token_type: 'bearer',
  expires_in: 900,
  must_change_password,
});

const ME = {
  id: 1,
  username: 'a.admin',
  display_name: '华南主账户',
  email: 'a.admin@example.com',
  phone: '',
  role: 'agent_admin',
  agent: { id: 1, name: '华南代理' },
  is_active: true,
  must_change_password: false,
  created_at: '2026-01-01T00:00:00Z',
  last_login_at: null,
};

/** A fake server: the access token "new" is valid, "old" has expired. */
function fakeServer(options: { refreshStatus?: number; refreshDelayMs?: number } = {}) {
  const calls: { path: string; authorization: string | null; language: string | null; credentials: string }[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const request = input as Request;
    const path = new URL(request.url).pathname;
    calls.push({
      path,
      authorization: request.headers.get('Authorization'),
      language: request.headers.get('Accept-Language'),
      credentials: request.credentials,
    });
    if (path === '/api/v1/auth/refresh') {
      if (options.refreshDelayMs) await new Promise((r) => setTimeout(r, options.refreshDelayMs));
      return options.refreshStatus && options.refreshStatus !== 200
        ? json(options.refreshStatus, { detail: '登录已过期，请重新登录。', code: 'refresh_invalid' })
        : json(200, token('new'));
    }
    if (request.headers.get('Authorization') !== 'Bearer new') {
      return json(401, { detail: '登录已失效，请重新登录。', code: 'token_invalid' });
    }
    if (path === '/api/v1/me') return json(200, ME);
    if (path === '/api/v1/users') return json(200, { items: [ME], total: 1 });
    return json(404, { detail: '资源不存在。', code: 'not_found' });
  });
  return { fetchMock, calls, count: (path: string) => calls.filter((c) => c.path === path).length };
}

describe('the API adapter', () => {
  beforeEach(() => {
    sessionStore.reset();
    setApiLanguage('zh-CN');
  });
  afterEach(() => vi.restoreAllMocks());

  it('refreshes once for two concurrent 401s and retries both calls with the new token', async () => {
    const server = fakeServer({ refreshDelayMs: 20 });
    configureApi({ baseUrl: BASE, fetch: server.fetchMock });
    sessionStore.signIn(token('old'));

    const [me, users] = await Promise.all([
      meReadMe({ throwOnError: true }),
      usersListUsers({ throwOnError: true, query: { limit: 20 } }),
    ]);

    expect(me.data.username).toBe('a.admin');
    expect(users.data.total).toBe(1);
    expect(server.count('/api/v1/auth/refresh')).toBe(1);
    expect(server.count('/api/v1/me')).toBe(2);
    expect(server.count('/api/v1/users')).toBe(2);
    const retried = server.calls.filter((c) => c.path !== '/api/v1/auth/refresh').slice(2);
    expect(retried.every((c) => c.authorization === 'Bearer new')).toBe(true);
    expect(sessionStore.get().accessToken).toBe('new');
  });

  it('sends the refresh with credentials (the refresh token is an HttpOnly cookie)', async () => {
    const server = fakeServer();
    configureApi({ baseUrl: BASE, fetch: server.fetchMock });
    await refreshSession();
    const refresh = server.calls.find((c) => c.path === '/api/v1/auth/refresh');
    expect(refresh?.credentials).toBe('include');
    expect(sessionStore.get().status).toBe('signed-in');
  });

  it('shares one refresh between concurrent callers', async () => {
    const server = fakeServer({ refreshDelayMs: 10 });
    configureApi({ baseUrl: BASE, fetch: server.fetchMock });
    const results = await Promise.all([refreshSession(), refreshSession(), refreshSession()]);
    expect(results).toEqual(['ok', 'ok', 'ok']);
    expect(server.count('/api/v1/auth/refresh')).toBe(1);
  });

  it('ends the session when the refresh is refused, and gives up without looping', async () => {
    const server = fakeServer({ refreshStatus: 401 });
    configureApi({ baseUrl: BASE, fetch: server.fetchMock });
    sessionStore.signIn(token('old'));

    const error = await meReadMe({ throwOnError: true }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(server.count('/api/v1/auth/refresh')).toBe(1);
    expect(server.count('/api/v1/me')).toBe(1);
    expect(sessionStore.get()).toMatchObject({ status: 'signed-out', accessToken: null, signOutReason: 'expired' });
  });

  it('adds the bearer token and the UI language to every call', async () => {
    const server = fakeServer();
    configureApi({ baseUrl: BASE, fetch: server.fetchMock });
    sessionStore.signIn(token('new'));
    setApiLanguage('en');
    await meReadMe({ throwOnError: true });
    expect(server.calls[0]).toMatchObject({ authorization: 'Bearer new', language: 'en' });
  });

  it('turns an error answer into an ApiError with the server detail and code', async () => {
    const fetchMock = vi.fn(async () => json(429, { detail: '登录失败次数过多，请 15 分钟后再试。', code: 'account_locked' }));
    configureApi({ baseUrl: BASE, fetch: fetchMock });
    const { authLogin } = await import('../client');
    const error = await authLogin({ body: { username: 'x', password: 'y' }, throwOnError: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'account_locked', detail: '登录失败次数过多，请 15 分钟后再试。' });
    expect(fetchMock).toHaveBeenCalledTimes(1); // a failed login never triggers a refresh
  });

  it('sends the user to the password change on 403 password_change_required', async () => {
    const fetchMock = vi.fn(async () => json(403, { detail: '请先修改初始密码。', code: 'password_change_required' }));
    configureApi({ baseUrl: BASE, fetch: fetchMock });
    sessionStore.signIn(token('new'));
    await usersListUsers({ throwOnError: false });
    expect(sessionStore.get().mustChangePassword).toBe(true);
  });

  it('reports a network failure as network_error', async () => {
    const fetchMock = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    configureApi({ baseUrl: BASE, fetch: fetchMock });
    const error = await meReadMe({ throwOnError: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
  });
});

/** A server whose refresh cookie is gone: only a new login ("relogged") makes calls pass again. */
function expiredSessionServer() {
  const calls: { path: string; method: string; authorization: string | null; body: string }[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const request = input as Request;
    const path = new URL(request.url).pathname;
    calls.push({ path, method: request.method, authorization: request.headers.get('Authorization'), body: await request.clone().text() });
    if (path === '/api/v1/auth/refresh') return json(401, { detail: '登录已过期，请重新登录。', code: 'refresh_invalid' });
    if (request.headers.get('Authorization') !== 'Bearer relogged') {
      return json(401, { detail: '登录已失效，请重新登录。', code: 'token_invalid' });
    }
    if (path === '/api/v1/me') return json(200, ME);
    if (path === '/api/v1/registrations') return json(201, { id: 9 });
    return json(404, { detail: '资源不存在。', code: 'not_found' });
  });
  return { fetchMock, calls, count: (path: string) => calls.filter((c) => c.path === path).length };
}

describe('a session that ends mid-form', () => {
  let unregister: () => void = () => undefined;
  beforeEach(() => {
    sessionStore.reset();
    setApiLanguage('zh-CN');
  });
  afterEach(() => {
    unregister();
    vi.restoreAllMocks();
  });

  it('waits for the re-login and replays the pending call, body and all, with the new token', async () => {
    const server = expiredSessionServer();
    configureApi({ baseUrl: BASE, fetch: server.fetchMock });
    sessionStore.signIn(token('old'));
    let asked = 0;
    unregister = registerRelogin(async () => {
      asked += 1;
      expect(sessionStore.get().status).toBe('signed-in'); // the page is not sent to /login
      sessionStore.signIn(token('relogged'));
      return true;
    });

    const body = { name: '深圳市新客户科技有限公司', mcus_in_use: [] } as never;
    const answer = await registrationsApply({ body, throwOnError: true });

    expect(answer.response.status).toBe(201);
    expect(asked).toBe(1);
    const posts = server.calls.filter((c) => c.path === '/api/v1/registrations');
    expect(posts).toHaveLength(2);
    expect(posts[1]).toMatchObject({ method: 'POST', authorization: 'Bearer relogged' });
    expect(JSON.parse(posts[1].body)).toMatchObject({ name: '深圳市新客户科技有限公司' });
  });

  it('asks once for every call waiting at the same time', async () => {
    const server = expiredSessionServer();
    configureApi({ baseUrl: BASE, fetch: server.fetchMock });
    sessionStore.signIn(token('old'));
    let release: (ok: boolean) => void = () => undefined;
    let asked = 0;
    unregister = registerRelogin(() => {
      asked += 1;
      return new Promise<boolean>((resolve) => {
        release = (ok) => {
          sessionStore.signIn(token('relogged'));
          resolve(ok);
        };
      });
    });

    const calls = Promise.all([meReadMe({ throwOnError: true }), usersListUsers({ throwOnError: true, query: { limit: 20 } }).catch(() => null)]);
    await vi.waitFor(() => expect(asked).toBe(1));
    release(true);
    const [me] = await calls;

    expect(me.data.username).toBe('a.admin');
    expect(asked).toBe(1);
  });

  it('signs out when the user cancels the re-login, and the call fails with 401', async () => {
    const server = expiredSessionServer();
    configureApi({ baseUrl: BASE, fetch: server.fetchMock });
    sessionStore.signIn(token('old'));
    unregister = registerRelogin(async () => false);

    const error = await meReadMe({ throwOnError: true }).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 401 });
    expect(server.count('/api/v1/me')).toBe(1);
    expect(sessionStore.get()).toMatchObject({ status: 'signed-out', signOutReason: 'expired' });
  });
});

describe('connectivity', () => {
  afterEach(() => vi.restoreAllMocks());

  it('marks the server unreachable on a network failure and reachable on the next answer', async () => {
    let down = true;
    const fetchMock = vi.fn(async () => {
      if (down) throw new TypeError('Failed to fetch');
      return json(200, ME);
    });
    configureApi({ baseUrl: BASE, fetch: fetchMock });
    sessionStore.signIn(token('new'));

    await meReadMe({ throwOnError: false });
    expect(connectivity.isReachable()).toBe(false);

    down = false;
    await meReadMe({ throwOnError: false });
    expect(connectivity.isReachable()).toBe(true);
  });

  it('does not count a server error answer as unreachable', async () => {
    configureApi({ baseUrl: BASE, fetch: vi.fn(async () => json(503, { detail: '', code: 'http_503' })) });
    await meReadMe({ throwOnError: false });
    expect(connectivity.isReachable()).toBe(true);
  });
});
