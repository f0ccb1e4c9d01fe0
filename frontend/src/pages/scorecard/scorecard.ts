// The scorecard's plain logic (unit-tested): the query of a period, the tree of rows the table
// shows (each agent with its salespeople), and the sparkline's ECharts option.
import type { Dayjs } from 'dayjs';
import type { AgentScore, SalespersonScore, Scorecard, ScorecardGetScorecardData } from '../../client';
import type { ChartOption } from '../../components/ChartPanel';

export const PERIOD_CHOICES = [3, 6, 12] as const;

export interface ScorecardFilters {
  months: number;
  /** The period's last month; null: the current one. */
  endMonth: Dayjs | null;
}

export type ScorecardQuery = NonNullable<ScorecardGetScorecardData['query']>;

export function scorecardQuery(filters: ScorecardFilters): ScorecardQuery {
  const query: ScorecardQuery = { months: filters.months };
  if (filters.endMonth) query.end_month = filters.endMonth.format('YYYY-MM');
  return query;
}

/** One table row: an agent (with its salespeople as children) or a salesperson. */
export type ScoreRow = (
  | ({ kind: 'agent' } & Omit<AgentScore, 'salespeople'>)
  | ({ kind: 'salesperson' } & SalespersonScore)
) & { key: string; children?: ScoreRow[] };

export function scorecardRows(card: Scorecard | undefined): ScoreRow[] {
  if (!card) return [];
  return card.agents.map(({ salespeople, ...agent }) => {
    const children: ScoreRow[] = salespeople.map((person) => ({
      ...person,
      kind: 'salesperson',
      key: `user-${agent.agent_id}-${person.user_id}`,
    }));
    // An agent without salespeople has no expander (AntD shows one for any children array).
    return { ...agent, kind: 'agent', key: `agent-${agent.agent_id}`, ...(children.length ? { children } : {}) };
  });
}

/** A line without axes or labels, the month on hover: the trend at a glance. */
export function sparklineOption(months: string[], values: number[], color = '#1677ff'): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis', confine: true },
    grid: { left: 2, right: 2, top: 4, bottom: 4 },
    xAxis: { type: 'category', data: months, show: false, boundaryGap: false },
    yAxis: { type: 'value', show: false, min: 0 },
    series: [{ type: 'line', data: values, showSymbol: false, smooth: true, lineStyle: { width: 1.5, color }, areaStyle: { opacity: 0.15, color } }],
  };
}

/** How the accuracy reads: a percentage, or null when nothing was shipped to judge it by. */
export function accuracyText(pct: number | null | undefined): string | null {
  return pct === null || pct === undefined ? null : `${pct}%`;
}
