// Forecast -> chart series (pure, unit-tested): demand stacked by project stage per month, and
// forecast vs actual per model.
import { ProjectStage, type AccuracySeries, type Forecast, type ForecastForecastData } from '../../client';
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

/** The rows' quantity summed per stage and month; stages in pipeline order, empty stages left out. */
export function stackByStage(forecast: Pick<Forecast, 'months' | 'rows'>): StageSeries[] {
  const index = new Map(forecast.months.map((month, i) => [month, i]));
  const byStage = new Map<string, number[]>();
  for (const row of forecast.rows) {
    const i = index.get(row.month);
    if (i === undefined) continue;
    const data = byStage.get(row.stage) ?? forecast.months.map(() => 0);
    data[i] = Math.round((data[i] + row.quantity) * 10) / 10;
    byStage.set(row.stage, data);
  }
  const order: string[] = Object.values(ProjectStage); // the pipeline; stages the SPA does not know go last
  const rank = (stage: string) => {
    const at = order.indexOf(stage);
    return at < 0 ? order.length : at;
  };
  return [...byStage.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([stage, data]) => ({ stage, data }));
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
