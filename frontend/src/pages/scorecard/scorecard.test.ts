import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { AgentScore, Scorecard } from '../../client';
import { accuracyText, scorecardQuery, scorecardRows, sparklineOption } from './scorecard';

const compliance = {
  protected_customers: 2,
  overdue_customers: 1,
  reports: 3,
  reports_per_customer_month: 0.5,
  reports_by_month: [1, 2, 0],
  registrations_approved: 1,
  registrations_rejected: 0,
  orders: 2,
  order_quantity: 1300,
  quantity_by_month: [0, 300, 1000],
};

const agent = (id: number, people: number[]): AgentScore => ({
  ...compliance,
  agent_id: id,
  name: `代理${id}`,
  forecast_quantity: 800,
  shipped_quantity: 1000,
  forecast_accuracy_pct: 80,
  salespeople: people.map((user) => ({ ...compliance, user_id: user, name: `业务员${user}`, is_active: true })),
});

const card: Scorecard = {
  months: ['2027-03', '2027-04', '2027-05'],
  date_from: '2027-03-01',
  date_to: '2027-05-17',
  forecast_months: ['2027-03', '2027-04'],
  agents: [agent(1, [10, 11]), agent(2, [])],
};

describe('scorecard', () => {
  it('asks for the months of the period, and its last month only when one was chosen', () => {
    expect(scorecardQuery({ months: 6, endMonth: null })).toEqual({ months: 6 });
    expect(scorecardQuery({ months: 3, endMonth: dayjs('2027-02-10') })).toEqual({ months: 3, end_month: '2027-02' });
  });

  it('nests each agent’s salespeople under it, and gives an agent without any no expander', () => {
    const rows = scorecardRows(card);
    expect(rows.map((r) => r.key)).toEqual(['agent-1', 'agent-2']);
    expect(rows[0].children?.map((r) => [r.kind, r.key])).toEqual([
      ['salesperson', 'user-1-10'],
      ['salesperson', 'user-1-11'],
    ]);
    expect(rows[1]).not.toHaveProperty('children');
    expect(scorecardRows(undefined)).toEqual([]);
  });

  it('draws a sparkline of the values over the months, from zero', () => {
    const option = sparklineOption(card.months, [1, 2, 0]) as {
      xAxis: { data: string[]; show: boolean };
      yAxis: { min: number };
      series: { data: number[] }[];
    };
    expect(option.xAxis.data).toEqual(card.months);
    expect(option.xAxis.show).toBe(false);
    expect(option.yAxis.min).toBe(0);
    expect(option.series[0].data).toEqual([1, 2, 0]);
  });

  it('says nothing about accuracy when nothing was shipped to judge it by', () => {
    expect(accuracyText(80)).toBe('80%');
    expect(accuracyText(0)).toBe('0%');
    expect(accuracyText(null)).toBeNull();
  });
});
