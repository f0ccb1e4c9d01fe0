import type { Dayjs } from 'dayjs';
import type { ApplicationStatus, RegistrationKind } from '../../client';
import { useListState } from '../../hooks/useListState';
import type { ApplicationListQuery } from '../../lib/applications';
import { dayRangeQuery } from '../../lib/format';

export interface ApplicationFilters {
  status?: ApplicationStatus;
  kind?: RegistrationKind;
  range?: [Dayjs, Dayjs] | null;
}

/** Filters and paging of one applications tab, as API query parameters (the kind only when picked). */
export function useApplicationFilters() {
  const { table, filters, setFilters } = useListState<ApplicationFilters>({});
  const query: ApplicationListQuery = {
    limit: table.query.limit,
    offset: table.query.offset,
    status: filters.status,
    kind: filters.kind,
    ...dayRangeQuery(filters.range),
  };
  const filtered = !!(filters.status || filters.kind || filters.range);
  return { table, filters, setFilters, query, filtered };
}
