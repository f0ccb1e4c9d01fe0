// Shows failed calls to the user with antd message/notification. The app registers the antd
// instances (from <App>, so they follow the theme and locale) and its translator at start-up.
import type { MessageInstance } from 'antd/es/message/interface';
import { isApiError } from './errors';

type Translate = (key: 'error.network' | 'error.unknown' | 'error.server') => string;

interface Feedback {
  message: MessageInstance | null;
  translate: Translate;
}

const feedback: Feedback = { message: null, translate: (key) => key };

export function registerFeedback(message: MessageInstance, translate: Translate): void {
  feedback.message = message;
  feedback.translate = translate;
}

/** The text to show for an error: the server's localized detail, else a local fallback. */
export function errorText(error: unknown): string {
  if (isApiError(error)) {
    if (error.code === 'network_error') return feedback.translate('error.network');
    if (error.detail) return error.detail;
    if (error.status >= 500) return feedback.translate('error.server');
  }
  return feedback.translate('error.unknown');
}

/** Errors the user should not see as a toast: the router or the session handles them. */
export function isHandledElsewhere(error: unknown): boolean {
  return (
    isApiError(error) &&
    (error.status === 401 || error.code === 'password_change_required' || error.code === 'aborted')
  );
}

/** Show an error as a toast, unless the session/router already deals with it. */
export function reportError(error: unknown): void {
  if (isHandledElsewhere(error)) return;
  const text = errorText(error);
  if (feedback.message) void feedback.message.error({ content: text, key: text, duration: 5 });
  else console.error(text, error);
}

