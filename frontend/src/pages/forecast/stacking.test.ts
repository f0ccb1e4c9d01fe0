import { describe, expect, it } from 'vitest';
import { accuracyOption, forecastQuery, stackByStage, stageOption } from './stacking';

describe('forecast stacking by stage', () => {
  const months = ['2026-12', '2027-01', '2027-02'];

  it('gives each stage a series over the months, in the order the server sent them', () => {
    const by_stage = [
      { stage: 'lead', by_month: { '2026-12': 416.7, '2027-01': 0, '2027-02': 0 }, total: 416.7 },
      { stage: 'development', by_month: { '2026-12': 8750, '2027-01': 350.4, '2027-02': 0 }, total: 9100.4 },
    ];
    expect(stackByStage({ months, by_stage })).toEqual([
      { stage: 'lead', data: [416.7, 0, 0] },
      { stage: 'development', data: [8750, 350.4, 0] },
    ]);
  });

  it('counts a month the server left out as 0 and has no series without stages', () => {
    const by_stage = [{ stage: 'lead', by_month: { '2027-01': 5 }, total: 5 }];
    expect(stackByStage({ months, by_stage })).toEqual([{ stage: 'lead', data: [0, 5, 0] }]);
    expect(stackByStage({ months, by_stage: [] })).toEqual([]);
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
