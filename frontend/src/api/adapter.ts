// The one adapter between the generated client and the app:
// - same-origin base URL, credentials included (the refresh token is an HttpOnly cookie);
// - `Authorization: Bearer <access token>` and `Accept-Language` on every call;
// - on a 401, ONE single-flight POST /auth/refresh shared by every waiting call, then one retry;
// - when the refresh is refused mid-session and the app registered a re-login (ReloginModal),
//   the calls wait for the user to sign in again and are then replayed (SPEC §4: nothing lost);
// - network failures and answers feed connectivity.ts (the offline banner);
// - error answers become ApiError (errors.ts); feedback.ts shows them.
import { client } from '../client/client.gen';
import type { TokenOut } from '../client';
import { connectivity } from './connectivity';
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

/** Asks the user to sign in again as the same person; true once they did, false if they cancel. */
export type ReloginHandler = () => Promise<boolean>;
let reloginHandler: ReloginHandler | null = null;
let relogin: Promise<boolean> | null = null;

/** The app's re-login dialog; returns the unregister function. Without one, an expiry signs out. */
export function registerRelogin(handler: ReloginHandler): () => void {
  reloginHandler = handler;
  return () => {
    if (reloginHandler === handler) reloginHandler = null;
  };
}

/** One re-login for every waiting call; a cancelled one ends the session (the drafts stay). */
function askRelogin(): Promise<boolean> {
  const handler = reloginHandler;
  if (!handler) {
    sessionStore.signOut('expired');
    return Promise.resolve(false);
  }
  relogin ??= handler()
    .catch(() => false)
    .then((ok) => {
      relogin = null;
      if (!ok) sessionStore.signOut('expired');
      return ok;
    });
  return relogin;
}

/** The fetch, reporting whether the server could be reached. */
async function send(request: Request): Promise<Response> {
  try {
    const response = await config.fetch(request);
    connectivity.answered();
    return response;
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'AbortError')) connectivity.failed();
    throw error;
  }
}

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
      const response = await send(request);
      if (!response.ok) {
        // Mid-session with a re-login dialog: the session waits for it (askRelogin) instead.
        const waits = reason === 'expired' && reloginHandler !== null && sessionStore.get().status === 'signed-in';
        if (!waits) sessionStore.signOut(reason);
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

/** A token to retry with after a 401, or null: the session is over (or the network is down). */
async function renewedToken(sentToken: string): Promise<string | null> {
  if (relogin) return (await relogin) ? sessionStore.get().accessToken : null;
  // Another call may already have refreshed while this one was in flight.
  const current = sessionStore.get().accessToken;
  if (current && current !== sentToken) return current;
  const refreshed = await refreshSession('expired');
  if (refreshed === 'ok') return sessionStore.get().accessToken;
  if (refreshed === 'invalid' && (await askRelogin())) return sessionStore.get().accessToken;
  return null;
}

/** The fetch the generated client uses. */
export async function authFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = input instanceof Request && !init ? input : new Request(input, init);
  const retry = request.clone();
  const sentToken = sessionStore.get().accessToken;
  const response = await send(decorate(request, sentToken));
  if (response.status === 401 && sentToken && needsRefresh(request.url)) {
    const token = await renewedToken(sentToken);
    return token ? send(decorate(retry, token)) : response;
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
