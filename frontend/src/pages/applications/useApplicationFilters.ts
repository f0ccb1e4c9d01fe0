import type { Dayjs } from 'dayjs';
import type { ApplicationStatus, RegistrationKind } from '../../client';
import { dayRangeQuery } from '../../lib/format';
import { useListState } from '../../hooks/useListState';

export interface ApplicationFilters {
  status?: ApplicationStatus;
  kind?: RegistrationKind;
  range?: [Dayjs, Dayjs] | null;
}

/** Filters and paging of one applications tab, as API query parameters. */
export function useApplicationFilters() {
  const { table, filters, setFilters } = useListState<ApplicationFilters>({});
  const query = {
    limit: table.query.limit,
    offset: table.query.offset,
    status: filters.status,
    ...dayRangeQuery(filters.range),
  };
  const filtered = !!(filters.status || filters.kind || filters.range);
  return { table, filters, setFilters, query, filtered };
}
