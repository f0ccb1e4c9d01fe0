import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { scorecardGetScorecard } from '../../client';
import { scorecardGetScorecardOptions } from '../../client/@tanstack/react-query.gen';
import type { ExportCall } from '../../components/ExportMenu';
import { scorecardQuery, type ScorecardFilters } from './scorecard';

export function useScorecard() {
  const [filters, setFilters] = useState<ScorecardFilters>({ months: 6, endMonth: null });
  const query = useQuery({
    ...scorecardGetScorecardOptions({ query: scorecardQuery(filters) }),
    placeholderData: keepPreviousData,
  });
  // The server writes the headers in the UI's language (the adapter sends Accept-Language).
  const exportCall: ExportCall = (format) =>
    scorecardGetScorecard({ query: { ...scorecardQuery(filters), format }, parseAs: 'blob', throwOnError: true });
  return { filters, setFilters, query, exportCall };
}
