import { describe, expect, it } from 'vitest';
import type { ForecastRow } from '../../client';
import { accuracyOption, forecastQuery, stackByStage, stageOption } from './stacking';

const row = (month: string, stage: string, quantity: number, model = 'CD32F030C8T6'): ForecastRow => ({
  month,
  stage,
  quantity,
  mcu_model: model,
  mcu_model_id: 2,
  agent: '华南代理',
  agent_id: 1,
  product_domain: '小家电',
  product_domain_id: 1,
});

describe('forecast stacking by stage', () => {
  const months = ['2026-12', '2027-01', '2027-02'];

  it('sums the rows per stage and month, stages in pipeline order', () => {
    const rows = [
      row('2027-01', 'mass_production', 37500),
      row('2026-12', 'development', 8750, 'CD32L011F4P6'),
      row('2027-01', 'development', 250.3),
      row('2027-01', 'development', 100.1, 'CD32L011F4P6'),
      row('2026-12', 'lead', 416.7),
    ];
    expect(stackByStage({ months, rows })).toEqual([
      { stage: 'lead', data: [416.7, 0, 0] },
      { stage: 'development', data: [8750, 350.4, 0] },
      { stage: 'mass_production', data: [0, 37500, 0] },
    ]);
  });

  it('ignores rows outside the months and has no series without rows', () => {
    expect(stackByStage({ months, rows: [row('2030-01', 'lead', 5)] })).toEqual([]);
  });

  it('stacks the bars and names the stages through the given labels', () => {
    const option = stageOption(months, [{ stage: 'lead', data: [1, 2, 3] }], (s) => `stage:${s}`) as {
      series: { name: string; stack: string; type: string }[];
    };
    expect(option.series).toEqual([expect.objectContaining({ name: 'stage:lead', stack: 'stage', type: 'bar' })]);
  });

  it('draws forecast against actual for one model', () => {
    const option = accuracyOption(
      { key: 2, label: 'CD32F030C8T6', mape: 14.9, points: [{ month: '2026-05', forecast: 34960, actual: 49100 }] },
      { forecast: '预测', actual: '实际' },
    ) as { xAxis: { data: string[] }; series: { name: string; data: number[] }[] };
    expect(option.xAxis.data).toEqual(['2026-05']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['预测', [34960]],
      ['实际', [49100]],
    ]);
  });

  it('sends only the filters that are set', () => {
    expect(forecastQuery({ months: 6, modelId: null, agentId: null, domainId: null })).toEqual({ months: 6 });
    expect(forecastQuery({ months: 12, modelId: 2, agentId: 1, domainId: 3 })).toEqual({
      months: 12,
      mcu_model_id: 2,
      agent_id: 1,
      product_domain_id: 3,
    });
  });
});
