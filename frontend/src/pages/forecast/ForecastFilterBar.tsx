import { Select } from 'antd';
import { useAgentChoices } from '../../hooks/useChoices';
import { useProductDomains } from '../../hooks/useCatalog';
import { domainLabel } from '../../lib/domainLabel';
import { TableToolbar } from '../../components/TableToolbar';
import { useI18n } from '../../locales/i18n';
import type { ForecastFilters } from './stacking';
import { useMcuModels } from './useForecast';

const MONTHS = [3, 6, 12, 18, 24];

/** Months ahead, MCU model, agent (vendor) and product domain. */
export function ForecastFilterBar({
  filters,
  onChange,
  showAgent,
}: {
  filters: ForecastFilters;
  onChange: (next: ForecastFilters) => void;
  showAgent: boolean;
}) {
  const { t, lang } = useI18n();
  const models = useMcuModels();
  const domains = useProductDomains();
  const agents = useAgentChoices(showAgent);
  const set = (patch: Partial<ForecastFilters>) => onChange({ ...filters, ...patch });
  return (
    <TableToolbar>
      <Select<number>
        value={filters.months}
        options={MONTHS.map((n) => ({ value: n, label: t('sales.forecast.monthsN', { n }) }))}
        onChange={(months) => set({ months })}
        prefix={t('sales.forecast.months')}
        style={{ width: 170 }}
        aria-label={t('sales.forecast.months')}
      />
      <Select<number>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={filters.modelId ?? undefined}
        options={(models.data ?? []).map((m) => ({ value: m.id, label: m.part_number }))}
        placeholder={t('sales.forecast.allModels')}
        onChange={(modelId) => set({ modelId: modelId ?? null })}
        style={{ width: 180 }}
        aria-label={t('sales.forecast.model')}
      />
      {showAgent ? (
        <Select<number>
          allowClear
          value={filters.agentId ?? undefined}
          options={agents.data ?? []}
          placeholder={t('sales.forecast.allAgents')}
          onChange={(agentId) => set({ agentId: agentId ?? null })}
          style={{ width: 180 }}
          aria-label={t('sales.forecast.agent')}
        />
      ) : null}
      <Select<number>
        allowClear
        value={filters.domainId ?? undefined}
        options={(domains.data ?? []).map((d) => ({ value: d.id, label: domainLabel(d, lang) }))}
        placeholder={t('sales.forecast.allDomains')}
        onChange={(domainId) => set({ domainId: domainId ?? null })}
        style={{ width: 160 }}
        aria-label={t('sales.forecast.domain')}
      />
    </TableToolbar>
  );
}
