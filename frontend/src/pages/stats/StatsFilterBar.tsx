import { DatePicker, Flex, InputNumber, Segmented, Select, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Dimension, Granularity } from '../../client';
import { useAgentChoices } from '../../hooks/useChoices';
import { TableToolbar } from '../../components/TableToolbar';
import { enumOptions } from '../../lib/enums';
import { numberFits } from '../../lib/numberRules';
import { useT, type MessageKey } from '../../locales/i18n';
import type { StatsFilters } from './series';
import { shanghaiToday } from '../../lib/format';


function presets(t: (key: MessageKey) => string, today: Dayjs) {
  return [
    { label: t('sales.stats.preset.thisMonth'), value: [today.startOf('month'), today] as [Dayjs, Dayjs] },
    { label: t('sales.stats.preset.last3'), value: [today.subtract(2, 'month').startOf('month'), today] as [Dayjs, Dayjs] },
    { label: t('sales.stats.preset.last6'), value: [today.subtract(5, 'month').startOf('month'), today] as [Dayjs, Dayjs] },
    { label: t('sales.stats.preset.last12'), value: [today.subtract(11, 'month').startOf('month'), today] as [Dayjs, Dayjs] },
    { label: t('sales.stats.preset.thisYear'), value: [today.startOf('year'), today] as [Dayjs, Dayjs] },
    {
      label: t('sales.stats.preset.lastYear'),
      value: [today.subtract(1, 'year').startOf('year'), today.subtract(1, 'year').endOf('year')] as [Dayjs, Dayjs],
    },
  ];
}

const TOP_LIMITS = { min: 1, max: 100, integer: true };

/** Top N: a value out of range stays as typed, marked, and the filter keeps the last good one. */
function TopInput({ value, onChange, disabled }: { value: number | null; onChange: (top: number | null) => void; disabled: boolean }) {
  const t = useT();
  const [typed, setTyped] = useState<number | null>(value);
  const fits = numberFits(typed, TOP_LIMITS);
  return (
    <Tooltip open={!fits && !disabled} title={t('sales.stats.topRange')}>
      <InputNumber
        value={typed}
        status={fits ? undefined : 'error'}
        prefix={t('sales.stats.top')}
        placeholder={t('sales.stats.topAll')}
        onChange={(next) => {
          setTyped(next);
          if (numberFits(next, TOP_LIMITS)) onChange(next ?? null);
        }}
        disabled={disabled}
        style={{ width: 130 }}
        aria-label={t('sales.stats.top')}
      />
    </Tooltip>
  );
}

/** Date range (with quick presets), granularity, group by, top N and (vendor) the agent. */
export function StatsFilterBar({
  filters,
  onChange,
  showAgent,
}: {
  filters: StatsFilters;
  onChange: (next: StatsFilters) => void;
  showAgent: boolean;
}) {
  const t = useT();
  const agents = useAgentChoices(showAgent);
  const set = (patch: Partial<StatsFilters>) => onChange({ ...filters, ...patch });
  return (
    <TableToolbar>
      <DatePicker.RangePicker
        value={filters.range}
        allowClear={false}
        presets={presets(t, shanghaiToday())}
        disabledDate={(day) => day.isAfter(shanghaiToday(), 'day')}
        onChange={(range) => range?.[0] && range[1] && set({ range: [range[0], range[1]] })}
        aria-label={t('sales.stats.range')}
      />
      <Segmented<Granularity>
        value={filters.granularity}
        options={enumOptions(Granularity, (g) => t(`sales.stats.granularity.${g}`))}
        onChange={(granularity) => set({ granularity })}
      />
      <Flex align="center" gap={6}>
        <span>{t('sales.stats.groupBy')}</span>
        <Select<Dimension>
          value={filters.groupBy}
          options={enumOptions(Dimension, (d) => t(`sales.stats.dimension.${d}`))}
          onChange={(groupBy) => set({ groupBy })}
          style={{ width: 130 }}
          aria-label={t('sales.stats.groupBy')}
          data-testid="stats-group-by"
        />
      </Flex>
      <TopInput value={filters.top} onChange={(top) => set({ top })} disabled={filters.groupBy === 'none'} />
      {showAgent ? (
        <Select<number>
          allowClear
          value={filters.agentId ?? undefined}
          options={agents.data ?? []}
          loading={agents.isPending}
          placeholder={t('sales.stats.allAgents')}
          onChange={(agentId) => set({ agentId: agentId ?? null })}
          style={{ width: 180 }}
          aria-label={t('sales.stats.agent')}
        />
      ) : null}
    </TableToolbar>
  );
}
