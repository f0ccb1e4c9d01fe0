import { describe, expect, it } from 'vitest';
import { diffRows, fieldParts, flatten, isInstant, leafKey, show } from './diff';

describe('audit diff', () => {
  it('marks fields as changed, added, removed or the same, changes first', () => {
    const rows = diffRows({ name: 'A', phone: '1', city: 'x' }, { name: 'B', email: 'e', city: 'x' });
    expect(rows.map((r) => [r.field, r.kind])).toEqual([
      ['name', 'changed'],
      ['email', 'added'],
      ['phone', 'removed'],
      ['city', 'same'],
    ]);
  });

  it('opens nested objects to dotted paths so a deep change is one row', () => {
    const rows = diffRows(
      { stage_probabilities: { lead: 0.05, lost: 0 } },
      { stage_probabilities: { lead: 0.1, lost: 0 } },
    );
    expect(rows.filter((r) => r.kind !== 'same').map((r) => [r.field, r.before, r.after])).toEqual([
      ['stage_probabilities.lead', 0.05, 0.1],
    ]);
  });

  it('keeps lists of plain values whole and opens lists of objects by index', () => {
    expect([...flatten({ tags: ['a', 'b'], lines: [{ q: 1 }] }).entries()]).toEqual([
      ['tags', ['a', 'b']],
      ['lines[0].q', 1],
    ]);
    expect(show(['a', 'b'])).toBe('[a, b]');
    expect(show(null)).toBe('∅');
  });

  it('treats a creation as every field added', () => {
    expect(diffRows(null, { name: 'A' })).toEqual([{ field: 'name', before: undefined, after: 'A', kind: 'added' }]);
  });
});

describe('audit diff rows', () => {
  it('leave out the object\'s own number', () => {
    expect(diffRows(null, { id: 5, name: 'A' }).map((r) => r.field)).toEqual(['name']);
  });
});

describe('audit field paths', () => {
  it('splits a path into keys and list positions', () => {
    expect(fieldParts('lines[0].quantity')).toEqual(['lines', 0, 'quantity']);
    expect(fieldParts('stage_probabilities.lead')).toEqual(['stage_probabilities', 'lead']);
    expect(fieldParts('name')).toEqual(['name']);
    expect(leafKey('lines[1].project_id')).toBe('project_id');
  });

  it('tells an instant from a plain date', () => {
    expect(isInstant('2026-12-05T08:00:00+00:00')).toBe(true);
    expect(isInstant('2026-12-05')).toBe(false);
    expect(isInstant(12)).toBe(false);
  });
});
