import type { resilienceZhCN } from './resilience.zh-CN';

// English strings of the resilient SPA; the same keys as resilience.zh-CN.ts.
export const resilienceEnUS: Record<keyof typeof resilienceZhCN, string> = {
  'resilience.newVersion': 'A new version has been released. Reload to use it; what you typed is kept.',
  'resilience.reload': 'Reload',
  'resilience.offline': 'You are offline. What you typed is kept; data reloads once the connection is back.',
  'resilience.unreachable': 'The server cannot be reached right now. Retrying; what you typed is kept.',
  'resilience.draftRestored': 'Your unsubmitted draft was restored.',
  'resilience.draftDiscard': 'Discard draft',
  'resilience.relogin.title': 'Your session expired. Please sign in again',
  'resilience.relogin.text': 'After signing in, what you were doing carries on; nothing you typed is lost.',
  'resilience.relogin.submit': 'Sign in and continue',
  'resilience.relogin.cancel': 'Cancel',
};
