/** Status filters: antd Select values must be strings, the API takes is_active booleans. */
export type StatusValue = 'active' | 'inactive';

export function toStatus(isActive: boolean | undefined): StatusValue | undefined {
  if (isActive === undefined) return undefined;
  return isActive ? 'active' : 'inactive';
}

export function fromStatus(value: StatusValue | undefined | null): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  return value === 'active';
}
