import { Alert, Button, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { poolRefusal } from '../../app/access';
import { useCurrentUser } from '../../app/auth';
import type { PoolCustomer } from '../../client';
import { useDomainName } from '../../hooks/useCatalog';
import { ContentCard } from '../../components/ContentCard';
import { ExportMenu } from '../../components/ExportMenu';
import { formatDate, formatNumber } from '../../lib/format';
import { QueryTable } from '../../components/QueryTable';
import { PageHeader } from '../../components/PageHeader';
import { PoolApplyModal, type PoolTarget } from '../../components/PoolApplyModal';
import { ProductDomainSelect } from '../../components/ProductDomainField';
import { RegionCascader } from '../../components/RegionCascader';
import { TableToolbar } from '../../components/TableToolbar';
import { sortOrderOf } from '../../lib/tablePaging';
import { useI18n } from '../../locales/i18n';
import { usePool } from './usePool';

/** 资源池: open customers (public fields only); sales and master accounts may apply for one, the
 * other roles browse. An application that would be refused (cooldown) is disabled, saying why. */
export default function PoolPage() {
  const { t, lang } = useI18n();
  const { access } = useCurrentUser();
  const domainName = useDomainName();
  const { table, search, setSearch, filters, setFilters, query, filtered, exportCall } = usePool();
  const [target, setTarget] = useState<PoolTarget | null>(null);
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(table.state.sort, key) });

  const columns: ColumnsType<PoolCustomer> = [
    { title: t('customer.name'), dataIndex: 'name', ...sortable('name') },
    { title: t('customer.region'), key: 'region', render: (_: unknown, c) => `${c.province} ${c.city}` },
    { title: t('customer.domain'), key: 'domain', render: (_: unknown, c) => domainName(c.product_domain) },
    {
      title: t('customer.usageShort'),
      dataIndex: 'annual_mcu_usage_wan',
      align: 'right',
      ...sortable('annual_mcu_usage_wan'),
      render: (v: number) => formatNumber(v, lang),
    },
    { title: t('pool.releasedAt'), dataIndex: 'released_at', ...sortable('released_at'), render: (v: string | null) => formatDate(v) },
  ];
  if (access.registersCustomers) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, c) => {
        const cooling = poolRefusal(access, c) === 'cooldown';
        const button = (
          <Button
            type="link"
            size="small"
            disabled={cooling}
            onClick={() => setTarget({ id: c.id, name: c.name })}
            data-testid="pool-apply"
          >
            {t('pool.apply')}
          </Button>
        );
        if (!cooling) return button;
        // The reason in words beside the button (a phone has no hover), the whole of it on hover.
        const date = formatDate(c.cooldown_until);
        return (
          <Tooltip title={t('pool.cooldown', { date })}>
            <span data-testid="pool-apply-refused">
              {button}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('pool.cooldownShort', { date })}
              </Typography.Text>
            </span>
          </Tooltip>
        );
      },
    });
  }

  return (
    <>
      <PageHeader
        title={t('nav.pool')}
        subtitle={t('pool.subtitle')}
        extra={<ExportMenu call={exportCall} name="pool" testId="pool-export" />}
      />
      <ContentCard>
        {access.registersCustomers ? null : (
          <Alert type="info" showIcon title={t('pool.readonly')} style={{ marginBottom: 12 }} data-testid="pool-readonly" />
        )}
        <TableToolbar search={search} onSearch={setSearch} searchPlaceholder={t('pool.searchPlaceholder')}>
          <RegionCascader
            anyLevel
            placeholder={t('home.filterRegion')}
            style={{ width: 200, maxWidth: '100%' }}
            value={filters.region}
            onChange={(region) => setFilters((f) => ({ ...f, region }))}
          />
          <ProductDomainSelect
            allowClear
            placeholder={t('home.filterDomain')}
            style={{ width: 160, maxWidth: '100%' }}
            value={filters.domainId}
            onChange={(domainId) => setFilters((f) => ({ ...f, domainId }))}
          />
        </TableToolbar>
        <QueryTable<PoolCustomer>
          query={query}
          table={table}
          columns={columns}
          empty={filtered ? t('common.noMatch') : t('pool.empty')}
          data-testid="pool-table"
        />
      </ContentCard>
      <PoolApplyModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
