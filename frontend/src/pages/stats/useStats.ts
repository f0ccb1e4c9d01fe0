import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { statsShipmentStats } from '../../client';
import { statsShipmentStatsOptions } from '../../client/@tanstack/react-query.gen';
import { downloadFile } from '../../lib/download';
import { statsQuery, type StatsFilters } from './series';
import { shanghaiToday } from '../../lib/format';

export function defaultStatsFilters(today = shanghaiToday()): StatsFilters {
  return {
    range: [today.subtract(5, 'month').startOf('month'), today],
    granularity: 'month',
    groupBy: 'none',
    top: 10,
    agentId: null,
  };
}

export function useStats() {
  const [filters, setFilters] = useState<StatsFilters>(() => defaultStatsFilters());
  const query = useQuery({
    ...statsShipmentStatsOptions({ query: statsQuery(filters) }),
    placeholderData: keepPreviousData,
  });
  const download = (format: 'xlsx' | 'csv') =>
    downloadFile(
      () => statsShipmentStats({ query: { ...statsQuery(filters), format }, parseAs: 'blob', throwOnError: true }),
      `shipments.${format}`,
    );
  return { filters, setFilters, query, download };
}
