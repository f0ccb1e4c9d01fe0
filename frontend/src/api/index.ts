export { configureApi, refreshSession, registerRelogin, setApiLanguage, authFetch } from './adapter';
export type { ApiLanguage, RefreshResult, ReloginHandler } from './adapter';
export { connectivity } from './connectivity';
export { ApiError, isApiError, toApiError } from './errors';
export type { FieldError } from './errors';
export { errorText, isHandledElsewhere, registerFeedback, reportError } from './feedback';
export { sessionStore } from './session';
export type { SessionState, SessionStatus, SignOutReason } from './session';
