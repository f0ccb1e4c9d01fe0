// A new report's draft is kept in localStorage per customer until it is submitted, so a reload
// or a dropped connection loses nothing.
import { EMPTY_REPORT, type EntryDraft, type ReportDraft } from './entries';

const PREFIX = 'channeldesk.followup.draft.';

export function draftKey(customerId: number, userId: number): string {
  return `${PREFIX}${userId}.${customerId}`;
}

function isDraft(value: unknown): value is ReportDraft {
  if (!value || typeof value !== 'object') return false;
  const draft = value as Partial<ReportDraft>;
  return typeof draft.customerNews === 'string' && Array.isArray(draft.entries);
}

export function loadDraft(key: string, storage: Storage = localStorage): ReportDraft | null {
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (!isDraft(parsed)) return null;
    return {
      reportDate: typeof parsed.reportDate === 'string' ? parsed.reportDate : null,
      customerNews: parsed.customerNews,
      entries: parsed.entries.map((entry: EntryDraft) => ({ ...entry, saved: false })),
    };
  } catch {
    return null;
  }
}

export function saveDraft(key: string, draft: ReportDraft, storage: Storage = localStorage): void {
  try {
    if (draft.customerNews === EMPTY_REPORT.customerNews && draft.entries.length === 0 && !draft.reportDate) {
      storage.removeItem(key);
    } else {
      storage.setItem(key, JSON.stringify(draft));
    }
  } catch {
    // storage full or private mode: the draft lasts for this page only
  }
}

export function clearDraft(key: string, storage: Storage = localStorage): void {
  try {
    storage.removeItem(key);
  } catch {
    // nothing to clear
  }
}
