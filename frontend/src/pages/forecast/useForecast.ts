import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { forecastForecast } from '../../client';
import {
  catalogListMcuModelsOptions,
  forecastForecastAccuracyOptions,
  forecastForecastOptions,
} from '../../client/@tanstack/react-query.gen';
import type { ExportCall } from '../../components/ExportMenu';
import { forecastQuery, type ForecastFilters } from './stacking';

export function useForecast() {
  const [filters, setFilters] = useState<ForecastFilters>({ months: 12, modelId: null, agentId: null, domainId: null });
  const query = useQuery({ ...forecastForecastOptions({ query: forecastQuery(filters) }), placeholderData: keepPreviousData });
  const exportCall: ExportCall = (format) =>
    forecastForecast({ query: { ...forecastQuery(filters), format }, parseAs: 'blob', throwOnError: true });
  return { filters, setFilters, query, exportCall };
}

export function useAccuracy(enabled: boolean, monthsBack: number) {
  return useQuery({
    ...forecastForecastAccuracyOptions({ query: { months_back: monthsBack } }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useMcuModels() {
  return useQuery({ ...catalogListMcuModelsOptions(), staleTime: 10 * 60_000 });
}
