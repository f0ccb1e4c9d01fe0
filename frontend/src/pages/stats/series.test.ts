import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { ShipmentStats } from '../../client';
import { breakdownItems, breakdownOption, statsQuery, trendOption, trendSeries } from './series';

const row = (key: string, label: string, quantity: number, byPeriod: Record<string, number>) => ({
  key,
  label,
  quantity,
  amounts: {},
  previous_quantity: 0,
  change_pct: null,
  by_period: byPeriod,
});

const grouped: ShipmentStats = {
  granularity: 'month',
  group_by: 'customer',
  date_from: '2026-09-01',
  date_to: '2026-11-27',
  periods: ['2026-09', '2026-10', '2026-11'],
  rows: [
    row('4', '美达', 300, { '2026-09': 100, '2026-10': 200 }),
    row('1', '宏图', 900, { '2026-09': 400, '2026-10': 300, '2026-11': 200 }),
  ],
  total: row('total', '合计', 1200, { '2026-09': 500, '2026-10': 500, '2026-11': 200 }),
};

describe('statistics -> chart series', () => {
  it('draws one line per group, a zero where a period has no shipments', () => {
    expect(trendSeries(grouped, '合计')).toEqual({
      periods: ['2026-09', '2026-10', '2026-11'],
      series: [
        { name: '美达', data: [100, 200, 0] },
        { name: '宏图', data: [400, 300, 200] },
      ],
    });
  });

  it('draws the total alone when not grouped, and at most `max` groups', () => {
    expect(trendSeries({ ...grouped, group_by: 'none', rows: [] }, 'Total').series).toEqual([
      { name: 'Total', data: [500, 500, 200] },
    ]);
    expect(trendSeries(grouped, 'Total', 1).series.map((s) => s.name)).toEqual(['美达']);
  });

  it('orders the breakdown largest first, and the bar chart shows the largest on top', () => {
    expect(breakdownItems(grouped)).toEqual([
      { name: '宏图', value: 900 },
      { name: '美达', value: 300 },
    ]);
    const bar = breakdownOption(breakdownItems(grouped), 'bar') as { yAxis: { data: string[] }; series: { data: number[] }[] };
    expect(bar.yAxis.data).toEqual(['美达', '宏图']);
    expect(bar.series[0].data).toEqual([300, 900]);
    const pie = breakdownOption(breakdownItems(grouped), 'pie') as { series: { type: string; data: unknown[] }[] };
    expect(pie.series[0]).toMatchObject({ type: 'pie', data: breakdownItems(grouped) });
  });

  it('puts the periods on the x axis and a line series per group', () => {
    const option = trendOption(trendSeries(grouped, '合计')) as { xAxis: { data: string[] }; series: { type: string }[] };
    expect(option.xAxis.data).toEqual(grouped.periods);
    expect(option.series.map((s) => s.type)).toEqual(['line', 'line']);
  });

  it('turns the filters into the query (top and agent only when set)', () => {
    const range: [dayjs.Dayjs, dayjs.Dayjs] = [dayjs('2026-06-01'), dayjs('2026-11-27')];
    expect(statsQuery({ range, granularity: 'quarter', groupBy: 'agent', top: null, agentId: null })).toEqual({
      granularity: 'quarter',
      group_by: 'agent',
      date_from: '2026-06-01',
      date_to: '2026-11-27',
    });
    expect(statsQuery({ range, granularity: 'month', groupBy: 'customer', top: 5, agentId: 2 })).toMatchObject({ top: 5, agent_id: 2 });
  });
});
