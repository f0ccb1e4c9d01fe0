// Forecast -> chart series (pure, unit-tested): demand stacked by project stage per month, and
// forecast vs actual per model.
import { type AccuracySeries, type Forecast, type ForecastForecastData } from '../../client';
import type { ChartOption } from '../../components/ChartPanel';

export interface ForecastFilters {
  months: number;
  modelId: number | null;
  agentId: number | null;
  domainId: number | null;
}

export type ForecastQuery = NonNullable<ForecastForecastData['query']>;

export function forecastQuery(filters: ForecastFilters): ForecastQuery {
  const query: ForecastQuery = { months: filters.months };
  if (filters.modelId) query.mcu_model_id = filters.modelId;
  if (filters.agentId) query.agent_id = filters.agentId;
  if (filters.domainId) query.product_domain_id = filters.domainId;
  return query;
}

export interface StageSeries {
  stage: string;
  data: number[];
}

/** The server's per-stage totals as chart series over the forecast's months (stages arrive in
 * pipeline order; a month the server left out counts 0). */
export function stackByStage(forecast: Pick<Forecast, 'months' | 'by_stage'>): StageSeries[] {
  return forecast.by_stage.map((stage) => ({
    stage: stage.stage,
    data: forecast.months.map((month) => stage.by_month[month] ?? 0),
  }));
}

export function stageOption(months: string[], series: StageSeries[], stageName: (stage: string) => string): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value' },
    series: series.map((s) => ({ name: stageName(s.stage), type: 'bar', stack: 'stage', data: s.data, barMaxWidth: 36 })),
  };
}

/** Forecast vs actual of one model (or agent): two lines over its months. */
export function accuracyOption(series: AccuracySeries | undefined, names: { forecast: string; actual: string }): ChartOption {
  const points = series?.points ?? [];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => p.month) },
    yAxis: { type: 'value' },
    series: [
      { name: names.forecast, type: 'line', data: points.map((p) => p.forecast), lineStyle: { type: 'dashed' } },
      { name: names.actual, type: 'line', data: points.map((p) => p.actual) },
    ],
  };
}
