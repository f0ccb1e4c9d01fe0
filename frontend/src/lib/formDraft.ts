// Form drafts in localStorage (per user and form), so a reload, a dropped connection or an
// expired session loses no input. Dates (dayjs) survive the round trip; passwords are never stored.
import dayjs, { isDayjs } from 'dayjs';

const PREFIX = 'channeldesk.form-draft.';
const DATE_TAG = '$date';

export function formDraftKey(userId: number, formKey: string): string {
  return `${PREFIX}${userId}.${formKey}`;
}

function isSecret(name: string, omit: readonly string[]): boolean {
  return omit.includes(name) || /password/i.test(name);
}

/** JSON-safe copy: dayjs values tagged, secret fields dropped, undefined left out. */
export function encodeDraft(value: unknown, omit: readonly string[] = []): unknown {
  if (isDayjs(value)) return { [DATE_TAG]: value.toISOString() };
  if (Array.isArray(value)) return value.map((item) => encodeDraft(item, omit));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) {
      if (item !== undefined && !isSecret(name, omit)) out[name] = encodeDraft(item, omit);
    }
    return out;
  }
  return value;
}

export function decodeDraft(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeDraft);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === DATE_TAG && typeof record[DATE_TAG] === 'string') {
      return dayjs(record[DATE_TAG]);
    }
    return Object.fromEntries(keys.map((name) => [name, decodeDraft(record[name])]));
  }
  return value;
}

/** Nothing typed: no field holds more than an empty string, list or object. */
export function isEmptyDraft(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.every(isEmptyDraft);
  if (typeof value === 'object' && !isDayjs(value)) return Object.values(value).every(isEmptyDraft);
  return false;
}

export function saveFormDraft(key: string, values: unknown, omit: readonly string[] = [], storage: Storage = localStorage): void {
  try {
    const encoded = encodeDraft(values, omit);
    if (isEmptyDraft(encoded)) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(encoded));
  } catch {
    // storage full or private mode: the draft lasts for this page only
  }
}

export function loadFormDraft<T = Record<string, unknown>>(key: string, storage: Storage = localStorage): T | null {
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    return decodeDraft(parsed) as T;
  } catch {
    return null;
  }
}

export function clearFormDraft(key: string, storage: Storage = localStorage): void {
  try {
    storage.removeItem(key);
  } catch {
    // nothing to clear
  }
}

/** Signing out: every form draft of that user goes (other users' drafts on this browser stay). */
export function clearUserDrafts(userId: number, storage: Storage = localStorage): void {
  try {
    const mine = `${PREFIX}${userId}.`;
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
      (key): key is string => !!key && key.startsWith(mine),
    );
    keys.forEach((key) => storage.removeItem(key));
  } catch {
    // nothing to clear
  }
}
