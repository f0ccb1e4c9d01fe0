// Field-by-field comparison of an audit entry's before/after snapshots.
type Snapshot = Record<string, unknown> | null;

export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

export function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function diffRows(before: Snapshot, after: Snapshot): DiffRow[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  return fields.map((field) => {
    const b = before?.[field];
    const a = after?.[field];
    return { field, before: b, after: a, changed: !!before && !!after && JSON.stringify(a) !== JSON.stringify(b) };
  });
}

