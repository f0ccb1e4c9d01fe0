// The one adapter between the generated client and the app:
// - same-origin base URL, credentials included (the refresh token is an HttpOnly cookie);
// - `Authorization: Bearer <access token>` and `Accept-Language` on every call;
// - on a 401, ONE single-flight POST /auth/refresh shared by every waiting call, then one retry;
// - error answers become ApiError (errors.ts); feedback.ts shows them.
import { client } from '../client/client.gen';
import type { TokenOut } from '../client';
import { ApiError, toApiError } from './errors';
import { sessionStore } from './session';

export type ApiLanguage = 'zh-CN' | 'en';

const API_PREFIX = '/api/v1';
/** Calls whose 401 means "wrong credentials / no session", never "refresh and retry". */
const NO_REFRESH = ['/auth/login', '/auth/refresh', '/auth/logout', '/auth/set-password'];

interface AdapterConfig {
  baseUrl: string;
  fetch: typeof fetch;
  language: ApiLanguage;
}

const config: AdapterConfig = {
  baseUrl: '',
  fetch: (...args) => globalThis.fetch(...args),
  language: 'zh-CN',
};

export type RefreshResult = 'ok' | 'invalid' | 'network';
let refreshing: Promise<RefreshResult> | null = null;

export function setApiLanguage(language: ApiLanguage): void {
  config.language = language;
}

function decorate(request: Request, token: string | null): Request {
  request.headers.set('Accept-Language', config.language);
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  else request.headers.delete('Authorization');
  return request;
}

/**
 * Exchange the refresh cookie for a new access token. Concurrent callers share one request
 * (the server rotates the cookie, so two parallel refreshes would race each other).
 * 'invalid' ends the session; 'network' leaves it as it is.
 */
export function refreshSession(reason: 'expired' | 'none' = 'expired'): Promise<RefreshResult> {
  refreshing ??= (async (): Promise<RefreshResult> => {
    try {
      const request = decorate(
        new Request(`${config.baseUrl}${API_PREFIX}/auth/refresh`, { method: 'POST', credentials: 'include' }),
        null,
      );
      const response = await config.fetch(request);
      if (!response.ok) {
        sessionStore.signOut(reason);
        return 'invalid';
      }
      sessionStore.signIn((await response.json()) as TokenOut);
      return 'ok';
    } catch {
      return 'network';
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

function needsRefresh(url: string): boolean {
  const path = new URL(url, 'http://localhost').pathname;
  return !NO_REFRESH.some((p) => path === `${API_PREFIX}${p}`);
}

async function errorCode(response: Response): Promise<string | null> {
  try {
    const body: unknown = await response.clone().json();
    return typeof body === 'object' && body !== null && 'code' in body ? String(body.code) : null;
  } catch {
    return null;
  }
}

/** The fetch the generated client uses. */
export async function authFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = input instanceof Request && !init ? input : new Request(input, init);
  const retry = request.clone();
  const sentToken = sessionStore.get().accessToken;
  const response = await config.fetch(decorate(request, sentToken));
  if (response.status === 401 && sentToken && needsRefresh(request.url)) {
    // Another call may already have refreshed while this one was in flight.
    const refreshed =
      sessionStore.get().accessToken !== sentToken ? 'ok' : await refreshSession('expired');
    const token = sessionStore.get().accessToken;
    if (refreshed === 'ok' && token) return config.fetch(decorate(retry, token));
    return response;
  }
  if (response.status === 403 && (await errorCode(response)) === 'password_change_required') {
    sessionStore.requirePasswordChange();
  }
  return response;
}

let installed = false;

/** Configure the generated client once; tests pass their own fetch and an absolute base URL. */
export function configureApi(options: Partial<Pick<AdapterConfig, 'baseUrl' | 'fetch'>> = {}): void {
  Object.assign(config, options);
  client.setConfig({ baseUrl: config.baseUrl, fetch: authFetch, credentials: 'include' });
  if (!installed) {
    client.interceptors.error.use((error, response) => toApiError(error, response?.status));
    installed = true;
  }
}

export { ApiError };
