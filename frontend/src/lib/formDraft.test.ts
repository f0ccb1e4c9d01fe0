import dayjs from 'dayjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearUserDrafts, formDraftKey, isEmptyDraft, loadFormDraft, saveFormDraft } from './formDraft';

describe('form drafts in localStorage', () => {
  beforeEach(() => localStorage.clear());

  it('keeps a form’s values per user and form, dates included', () => {
    const key = formDraftKey(3, 'order.new.7');
    saveFormDraft(key, { order_number: 'PO-1', contract_date: dayjs('2026-11-20'), lines: [{ quantity: 5, batches: ['B1'] }] });
    const draft = loadFormDraft<{ order_number: string; contract_date: dayjs.Dayjs; lines: unknown[] }>(key);
    expect(draft?.order_number).toBe('PO-1');
    expect(dayjs.isDayjs(draft?.contract_date)).toBe(true);
    expect(draft?.contract_date.isSame(dayjs('2026-11-20'))).toBe(true);
    expect(draft?.lines).toEqual([{ quantity: 5, batches: ['B1'] }]);
    expect(loadFormDraft(formDraftKey(4, 'order.new.7'))).toBeNull(); // another user sees nothing
  });

  it('never stores a password', () => {
    const key = formDraftKey(3, 'people.create');
    saveFormDraft(key, { username: 'new.sales', password: 'secret-1', new_password: 'x', secret_note: 'y' }, ['secret_note']);
    expect(loadFormDraft(key)).toEqual({ username: 'new.sales' });
    expect(localStorage.getItem(key)).not.toContain('secret');
  });

  it('stores nothing for an untouched form', () => {
    const key = formDraftKey(3, 'register');
    saveFormDraft(key, { name: '', mcus_in_use: [], note: undefined, contact: { id: null } });
    expect(localStorage.getItem(key)).toBeNull();
    expect(isEmptyDraft({ name: ' x' })).toBe(false);
    expect(isEmptyDraft({ usage: 0 })).toBe(false);
  });

  it('clears every draft of the user who signs out, and only theirs', () => {
    saveFormDraft(formDraftKey(3, 'register'), { name: 'A' });
    saveFormDraft(formDraftKey(3, 'extension.9'), { reason: '客户推迟量产' });
    saveFormDraft(formDraftKey(31, 'register'), { name: 'B' });
    clearUserDrafts(3);
    expect(loadFormDraft(formDraftKey(3, 'register'))).toBeNull();
    expect(loadFormDraft(formDraftKey(3, 'extension.9'))).toBeNull();
    expect(loadFormDraft(formDraftKey(31, 'register'))).toEqual({ name: 'B' });
  });

  it('ignores a damaged draft', () => {
    localStorage.setItem(formDraftKey(3, 'register'), '{not json');
    expect(loadFormDraft(formDraftKey(3, 'register'))).toBeNull();
  });
});
