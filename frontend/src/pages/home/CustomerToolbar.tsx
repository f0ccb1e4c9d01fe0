import { Select, Switch, Space, Typography } from 'antd';
import type { Dispatch, SetStateAction } from 'react';
import { useCurrentUser } from '../../app/auth';
import { CustomerStatus } from '../../client';
import { useAgentChoices } from '../../hooks/useChoices';
import { ProductDomainSelect } from '../../components/ProductDomainField';
import { RegionCascader } from '../../components/RegionCascader';
import { enumOptions } from '../../lib/enums';
import { TableToolbar } from '../../components/TableToolbar';
import { useT } from '../../locales/i18n';
import type { CustomerFilters } from './useCustomers';

/** Search and filters above the customers table; wraps on narrow screens. */
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
  const set = (patch: Partial<CustomerFilters>) => setFilters((f) => ({ ...f, ...patch }));
  return (
    <TableToolbar search={search} onSearch={onSearch} searchPlaceholder={t('home.searchPlaceholder')}>
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
          onChange={(agentId) => set({ agentId })}
          options={agents.data ?? []}
        />
      ) : null}
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
