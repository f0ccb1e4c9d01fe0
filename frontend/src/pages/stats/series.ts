// Statistics -> chart series and ECharts options (pure, unit-tested).
import type { Dayjs } from 'dayjs';
import type { Dimension, Granularity, ShipmentStats, StatsShipmentStatsData } from '../../client';
import type { ChartOption } from '../../components/ChartPanel';

export interface StatsFilters {
  range: [Dayjs, Dayjs];
  granularity: Granularity;
  groupBy: Dimension;
  top: number | null;
  agentId: number | null;
}

export type StatsQuery = NonNullable<StatsShipmentStatsData['query']>;

export function statsQuery(filters: StatsFilters): StatsQuery {
  const query: StatsQuery = {
    granularity: filters.granularity,
    group_by: filters.groupBy,
    date_from: filters.range[0].format('YYYY-MM-DD'),
    date_to: filters.range[1].format('YYYY-MM-DD'),
  };
  if (filters.top) query.top = filters.top;
  if (filters.agentId) query.agent_id = filters.agentId;
  return query;
}

export interface Series {
  name: string;
  data: number[];
}

/** Quantity per period: the total alone when not grouped, else one line per group (the first `max`). */
export function trendSeries(stats: ShipmentStats, totalName: string, max = 8): { periods: string[]; series: Series[] } {
  const line = (name: string, byPeriod: Record<string, number>) => ({
    name,
    data: stats.periods.map((period) => byPeriod[period] ?? 0),
  });
  const series =
    stats.group_by === 'none' || stats.rows.length === 0
      ? [line(totalName, stats.total.by_period)]
      : stats.rows.slice(0, max).map((row) => line(row.label, row.by_period));
  return { periods: stats.periods, series };
}

/** Each group's quantity, largest first (the breakdown bar or pie). */
export function breakdownItems(stats: ShipmentStats): { name: string; value: number }[] {
  return stats.rows.map((row) => ({ name: row.label, value: row.quantity })).sort((a, b) => b.value - a.value);
}

export function trendOption(trend: { periods: string[]; series: Series[] }): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: trend.periods, boundaryGap: false },
    yAxis: { type: 'value' },
    series: trend.series.map((s) => ({ name: s.name, type: 'line', showSymbol: true, data: s.data })),
  };
}

const thousands = (p: { value: unknown }) => Number(p.value).toLocaleString();

export function breakdownOption(items: { name: string; value: number }[], kind: 'bar' | 'pie'): ChartOption {
  if (kind === 'pie') {
    return {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { type: 'scroll', bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], data: items, label: { formatter: '{d}%' } }],
    };
  }
  const shown = [...items].reverse(); // largest on top
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', splitNumber: 4, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'category',
      data: shown.map((i) => i.name),
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [{ type: 'bar', data: shown.map((i) => i.value), barMaxWidth: 24, label: { show: true, position: 'right', formatter: thousands } }],
  };
}
