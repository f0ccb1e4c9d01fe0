// The audit page's filters as the API's query (dates are days in China time; the server
// makes them inclusive).
import type { Dayjs } from 'dayjs';

export interface AuditFilters {
  objectType?: string;
  objectId: string;
  action?: string;
  actorId?: number;
  agentId?: number;
  range: [Dayjs, Dayjs] | null;
}

export const EMPTY_FILTERS: AuditFilters = { objectId: '', range: null };

export function auditQuery(f: AuditFilters) {
  return {
    object_type: f.objectType,
    object_id: f.objectId.trim() || undefined,
    action: f.action,
    actor_id: f.actorId,
    agent_id: f.agentId,
    date_from: f.range ? f.range[0].format('YYYY-MM-DD') : undefined,
    date_to: f.range ? f.range[1].format('YYYY-MM-DD') : undefined,
  };
}

export function isFiltered(f: AuditFilters): boolean {
  return Object.values(auditQuery(f)).some((value) => value !== undefined);
}
