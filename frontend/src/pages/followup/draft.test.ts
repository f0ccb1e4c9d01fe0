import { beforeEach, describe, expect, it } from 'vitest';
import { clearDraft, draftKey, loadDraft, saveDraft } from './draft';
import { blankEntry, EMPTY_REPORT } from './entries';

describe('the draft of a new report', () => {
  beforeEach(() => localStorage.clear());

  it('is kept per user and customer and survives a reload', () => {
    const key = draftKey(4, 3);
    const draft = { reportDate: '2026-11-26', customerNews: '客户扩产', entries: [{ ...blankEntry(), projectName: '网关' }] };
    saveDraft(key, draft);
    expect(loadDraft(key)).toEqual(draft);
    expect(loadDraft(draftKey(5, 3))).toBeNull();
    expect(loadDraft(draftKey(4, 9))).toBeNull();
  });

  it('is removed when empty or submitted, and ignores broken data', () => {
    const key = draftKey(4, 3);
    saveDraft(key, { ...EMPTY_REPORT, customerNews: 'x' });
    saveDraft(key, EMPTY_REPORT);
    expect(localStorage.getItem(key)).toBeNull();
    saveDraft(key, { ...EMPTY_REPORT, customerNews: 'x' });
    clearDraft(key);
    expect(loadDraft(key)).toBeNull();
    localStorage.setItem(key, '{not json');
    expect(loadDraft(key)).toBeNull();
    localStorage.setItem(key, JSON.stringify({ entries: 3 }));
    expect(loadDraft(key)).toBeNull();
  });

  it('never restores rows as saved entries', () => {
    const key = draftKey(4, 3);
    localStorage.setItem(key, JSON.stringify({ reportDate: null, customerNews: 'x', entries: [{ ...blankEntry(), saved: true }] }));
    expect(loadDraft(key)?.entries[0].saved).toBe(false);
  });
});
