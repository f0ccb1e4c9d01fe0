// Field-by-field comparison of an audit entry's before/after snapshots. Nested objects are
// flattened to dotted paths (`stage_probabilities.lead`), so a change deep inside shows as one row.
type Snapshot = Record<string, unknown> | null | undefined;

export type ChangeKind = 'added' | 'removed' | 'changed' | 'same';

export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  kind: ChangeKind;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Leaves of `value` by path; arrays of plain values stay whole (a list reads better), arrays
 * holding objects are opened by index (`lines[0].quantity`). Empty objects stay as they are. */
export function flatten(value: unknown, prefix = '', out: Map<string, unknown> = new Map()): Map<string, unknown> {
  const opens =
    (isPlainObject(value) && Object.keys(value).length > 0) ||
    (Array.isArray(value) && value.some((item) => isPlainObject(item) || Array.isArray(item)));
  if (!opens) {
    out.set(prefix, value);
    return out;
  }
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [`${prefix}[${index}]`, item])
    : Object.entries(value as Record<string, unknown>).map(([key, item]) => [prefix ? `${prefix}.${key}` : key, item]);
  for (const [path, item] of entries) flatten(item, path, out);
  return out;
}

/** A value as readable text: strings as they are, lists comma-separated, the rest as JSON. */
export function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '∅';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map((item) => show(item)).join(', ')}]`;
  return JSON.stringify(value);
}

function kindOf(hasBefore: boolean, hasAfter: boolean, before: unknown, after: unknown): ChangeKind {
  if (!hasBefore) return 'added';
  if (!hasAfter) return 'removed';
  return JSON.stringify(before) === JSON.stringify(after) ? 'same' : 'changed';
}

const ORDER: Record<ChangeKind, number> = { changed: 0, added: 1, removed: 2, same: 3 };

/** One row per leaf field, changes first (then by name). With only one snapshot (a creation
 * or a deletion) every field is added or removed. */
export function diffRows(before: Snapshot, after: Snapshot): DiffRow[] {
  const b = before ? flatten(before) : new Map<string, unknown>();
  const a = after ? flatten(after) : new Map<string, unknown>();
  // '' is a snapshot that is no object; 'id' is the object's own number, which the entry names.
  for (const field of ['', 'id']) {
    b.delete(field);
    a.delete(field);
  }
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  return fields
    .map((field) => ({ field, before: b.get(field), after: a.get(field), kind: kindOf(b.has(field), a.has(field), b.get(field), a.get(field)) }))
    .sort((x, y) => ORDER[x.kind] - ORDER[y.kind] || x.field.localeCompare(y.field));
}

/** A field path's parts: keys, and list positions as numbers (`lines[0].quantity` →
 * ['lines', 0, 'quantity']), so each key can be shown by its label. */
export function fieldParts(path: string): (string | number)[] {
  return path
    .split(/\.|(?=\[)/)
    .filter(Boolean)
    .map((part) => (/^\[\d+\]$/.test(part) ? Number(part.slice(1, -1)) : part));
}

/** The last key of a path (what an id in the snapshot is named by). */
export function leafKey(path: string): string {
  const keys = fieldParts(path).filter((part): part is string => typeof part === 'string');
  return keys[keys.length - 1] ?? path;
}

/** An ISO instant (not a plain date): shown in Beijing time. */
export const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value);
