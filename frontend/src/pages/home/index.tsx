import { CloudOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Typography } from 'antd';
import { useState, type HTMLAttributes, type MouseEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { canSee } from '../../app/access';
import { useCurrentUser } from '../../app/auth';
import type { CustomerPublic } from '../../client';
import { useDomainName } from '../../hooks/useCatalog';
import { ContentCard } from '../../components/ContentCard';
import { ExportMenu } from '../../components/ExportMenu';
import { QueryTable } from '../../components/QueryTable';
import { PageHeader } from '../../components/PageHeader';
import { RoleTag } from '../../components/RoleTag';
import { useI18n } from '../../locales/i18n';
import { CustomerDrawer } from '../customer/CustomerDrawer';
import { ExtensionRequestModal } from '../customer/ExtensionRequestModal';
import { customerColumns } from './columns';
import { CustomerToolbar } from './CustomerToolbar';
import { NearExpiryLegend } from './Legend';
import { RowContextMenu, RowMenuButton, type ContextMenuAt } from './RowMenu';
import { rowMenuItems, type RowMenuKey } from './rowMenuItems';
import { useCustomers } from './useCustomers';

/** 主页: the caller's customers (scoped by the server), red when protection is about to end. */
export default function HomePage() {
  const { t, lang } = useI18n();
  const { me, access } = useCurrentUser();
  const navigate = useNavigate();
  const domainName = useDomainName();
  const { table, search, setSearch, filters, setFilters, query, filtered, exportCall } = useCustomers();
  const [params, setParams] = useSearchParams();
  const openId = Number(params.get('customer')) || null;
  const [extending, setExtending] = useState<CustomerPublic | null>(null);
  const [menuAt, setMenuAt] = useState<ContextMenuAt | null>(null);

  const openDetails = (customer: { id: number }) => setParams({ customer: String(customer.id) });
  const closeDetails = () => setParams({}, { replace: true });
  const onSelect = (customer: CustomerPublic, key: RowMenuKey) => {
    if (key === 'details') openDetails(customer);
    if (key === 'extension') setExtending(customer);
    if (key === 'followup') navigate(`/customers/${customer.id}/followup`);
    if (key === 'orders') navigate(`/customers/${customer.id}/orders`);
  };
  if (!me) return null;

  const itemsOf = (customer: CustomerPublic) => rowMenuItems(access, me, customer);
  const columns = customerColumns(t, lang, table.state.sort, {
    showAgent: access.seesAllAgents,
    domainName,
    onOpen: openDetails,
    menu: (customer) => (
      <RowMenuButton customer={customer} items={itemsOf(customer)} onSelect={(key) => onSelect(customer, key)} />
    ),
  });

  return (
    <>
      <PageHeader
        title={<span data-testid="welcome">{t('home.welcome', { name: me.display_name })}</span>}
        subtitle={
          <Space wrap size={[8, 4]}>
            <span data-testid="welcome-role">
              <RoleTag role={me.role} />
            </span>
            <span data-testid="welcome-agent">{me.agent ? me.agent.name : t('home.vendorSide')}</span>
            <span>{t(`home.scope.${me.role}`)}</span>
          </Space>
        }
        extra={
          <>
            {canSee(access, 'register') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/register')} data-testid="home-register">
                {t('nav.register')}
              </Button>
            ) : null}
            {canSee(access, 'pool') ? (
              <Button icon={<CloudOutlined />} onClick={() => navigate('/pool')} data-testid="home-pool">
                {t('nav.pool')}
              </Button>
            ) : null}
            <ExportMenu call={exportCall} name="customers" testId="customers-export" />
          </>
        }
      />
      <ContentCard>
        <CustomerToolbar search={search} onSearch={setSearch} filters={filters} setFilters={setFilters} />
        <QueryTable<CustomerPublic>
          query={query}
          table={table}
          columns={columns}
          empty={filtered ? t('common.noMatch') : t('home.empty')}
          data-testid="customers-table"
          rowClassName={(customer) => (customer.near_expiry ? 'customer-row near-expiry' : 'customer-row')}
          onRow={(customer) =>
            ({
              'data-near-expiry': customer.near_expiry ? 'true' : 'false',
              'data-testid': 'customer-row',
              onContextMenu: (event: MouseEvent) => {
                event.preventDefault();
                setMenuAt({ customer, x: event.clientX, y: event.clientY });
              },
              onDoubleClick: () => openDetails(customer),
            }) as HTMLAttributes<HTMLElement>
          }
          footer={() => (
            <Flex justify="space-between" wrap gap={8}>
              <NearExpiryLegend />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('home.menuHint')}
              </Typography.Text>
            </Flex>
          )}
        />
      </ContentCard>
      {menuAt ? (
        <RowContextMenu
          at={menuAt}
          items={itemsOf(menuAt.customer)}
          onSelect={(key) => onSelect(menuAt.customer, key)}
          onClose={() => setMenuAt(null)}
        />
      ) : null}
      <CustomerDrawer customerId={openId} onClose={closeDetails} onRequestExtension={setExtending} />
      <ExtensionRequestModal customer={extending} onClose={() => setExtending(null)} />
    </>
  );
}
