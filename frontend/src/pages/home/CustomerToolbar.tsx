import { FilterOutlined } from '@ant-design/icons';
import { Button, Grid, Select, Switch, Space, Typography } from 'antd';
import { useState, type Dispatch, type SetStateAction } from 'react';
import { useCurrentUser } from '../../app/auth';
import { CustomerStatus, ProjectStage } from '../../client';
import { useAgentChoices, useSalespeopleChoices } from '../../hooks/useChoices';
import { ProductDomainSelect } from '../../components/ProductDomainField';
import { RegionCascader } from '../../components/RegionCascader';
import { enumOptions } from '../../lib/enums';
import { TableToolbar } from '../../components/TableToolbar';
import { useT } from '../../locales/i18n';
import type { CustomerFilters } from './useCustomers';

/** Search and filters above the customers table; wraps on narrow screens, where the filters
 * fold behind a button so the list starts near the top of a phone. */
export function CustomerToolbar({
  search,
  onSearch,
  filters,
  setFilters,
}: {
  search: string;
  onSearch: (value: string) => void;
  filters: CustomerFilters;
  setFilters: Dispatch<SetStateAction<CustomerFilters>>;
}) {
  const t = useT();
  const { access } = useCurrentUser();
  const agents = useAgentChoices(access.seesAllAgents);
  // The vendor picks an agent first: one agent's salespeople, not every agent's.
  const salespeople = useSalespeopleChoices(
    access.filtersBySalesperson && (!access.seesAllAgents || filters.agentId !== undefined),
    filters.agentId,
  );
  const compact = Grid.useBreakpoint().md === false;
  const [unfolded, setUnfolded] = useState(false);
  const set = (patch: Partial<CustomerFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const toggle = compact ? (
    <Button
      icon={<FilterOutlined />}
      type={unfolded ? 'primary' : 'default'}
      aria-expanded={unfolded}
      onClick={() => setUnfolded(!unfolded)}
      data-testid="filters-toggle"
    >
      {t('home.filters')}
    </Button>
  ) : null;
  if (compact && !unfolded) {
    return (
      <TableToolbar search={search} onSearch={onSearch} searchPlaceholder={t('home.searchPlaceholder')}>
        {toggle}
      </TableToolbar>
    );
  }
  return (
    <TableToolbar search={search} onSearch={onSearch} searchPlaceholder={t('home.searchPlaceholder')}>
      {toggle}
      <Select<CustomerStatus[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('home.filterStatus')}
        aria-label={t('home.filterStatus')}
        style={{ width: 240, maxWidth: '100%' }}
        value={filters.statuses}
        onChange={(statuses) => set({ statuses })}
        options={enumOptions(CustomerStatus, (status) => t(`customerStatus.${status}`))}
        data-testid="filter-status"
      />
      <ProductDomainSelect
        allowClear
        placeholder={t('home.filterDomain')}
        style={{ width: 160, maxWidth: '100%' }}
        value={filters.domainId}
        onChange={(domainId) => set({ domainId })}
      />
      <RegionCascader
        anyLevel
        placeholder={t('home.filterRegion')}
        style={{ width: 200, maxWidth: '100%' }}
        value={filters.region}
        onChange={(region) => set({ region })}
      />
      {access.seesAllAgents ? (
        <Select<number>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('people.filterAgent')}
          aria-label={t('people.filterAgent')}
          style={{ width: 160, maxWidth: '100%' }}
          loading={agents.isLoading}
          value={filters.agentId}
          onChange={(agentId) => set({ agentId, salespersonId: undefined })}
          options={agents.data ?? []}
        />
      ) : null}
      {access.filtersBySalesperson ? (
        <Select<number>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('home.filterSalesperson')}
          aria-label={t('home.filterSalesperson')}
          style={{ width: 140, maxWidth: '100%' }}
          disabled={access.seesAllAgents && filters.agentId === undefined}
          loading={salespeople.isLoading && salespeople.fetchStatus !== 'idle'}
          value={filters.salespersonId}
          onChange={(salespersonId) => set({ salespersonId })}
          options={salespeople.data ?? []}
          data-testid="filter-salesperson"
        />
      ) : null}
      <Select<ProjectStage>
        allowClear
        placeholder={t('home.filterStage')}
        aria-label={t('home.filterStage')}
        style={{ width: 120, maxWidth: '100%' }}
        value={filters.stage}
        onChange={(stage) => set({ stage })}
        options={enumOptions(ProjectStage, (stage) => t(`stage.${stage}`))}
        data-testid="filter-stage"
      />
      <Space size={6} style={{ height: 32 }}>
        <Switch
          size="small"
          checked={filters.nearExpiry}
          onChange={(nearExpiry) => set({ nearExpiry })}
          aria-label={t('home.filterNearExpiry')}
          data-testid="filter-near-expiry"
        />
        <Typography.Text onClick={() => set({ nearExpiry: !filters.nearExpiry })} style={{ cursor: 'pointer' }}>
          {t('home.filterNearExpiry')}
        </Typography.Text>
      </Space>
    </TableToolbar>
  );
}
