import { CloudOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Space, Typography } from 'antd';
import { useState, type HTMLAttributes, type MouseEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { canSee } from '../../app/access';
import { useCurrentUser } from '../../app/auth';
import { TodoKind, type CustomerPublic } from '../../client';
import { useDomainName } from '../../hooks/useCatalog';
import { ContentCard } from '../../components/ContentCard';
import { ExportMenu } from '../../components/ExportMenu';
import { QueryTable } from '../../components/QueryTable';
import { PageHeader } from '../../components/PageHeader';
import { RoleTag } from '../../components/RoleTag';
import { isEnumValue } from '../../lib/enums';
import { useI18n } from '../../locales/i18n';
import { CustomerDrawer } from '../customer/CustomerDrawer';
import { ExtensionRequestModal } from '../customer/ExtensionRequestModal';
import { customerColumns } from './columns';
import { CustomerToolbar } from './CustomerToolbar';
import { NearExpiryLegend } from './Legend';
import { ReassignModal } from './ReassignModal';
import { RowContextMenu, RowMenuButton, type ContextMenuAt } from './RowMenu';
import { rowMenuItems, type RowMenuKey } from './rowMenuItems';
import { TodoStrip } from './TodoStrip';
import { statusesFor, useCustomers } from './useCustomers';
import { useLongPress } from './useLongPress';
import { useTodoStrip } from './useTodoStrip';

/** A finger, not a mouse: the row menu opens on a long press (长按), not a right click. */
const TOUCH = typeof window !== 'undefined' && !!window.matchMedia?.('(pointer: coarse)').matches;

/** 主页: the caller's customers (scoped by the server), red when protection is about to end, with
 * the to-do strip above them; a phone gets name, status and days left. */
export default function HomePage() {
  const { t, lang } = useI18n();
  const { me, access } = useCurrentUser();
  const navigate = useNavigate();
  const domainName = useDomainName();
  const compact = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const todoParam = params.get('todo');
  const todo = isEnumValue(TodoKind, todoParam) ? todoParam : null;
  const { table, search, setSearch, filters, setFilters, query, filtered, exportCall } = useCustomers(todo);
  const openId = Number(params.get('customer')) || null;
  const [extending, setExtending] = useState<CustomerPublic | null>(null);
  const [menuAt, setMenuAt] = useState<ContextMenuAt | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [reassigning, setReassigning] = useState(false);
  const strip = useTodoStrip();
  const longPress = useLongPress<CustomerPublic>((customer, x, y) => setMenuAt({ customer, x, y }));

  // The drawer and the to-do filter share the address: each changes only its own parameter.
  const setParam = (key: 'customer' | 'todo', value: string | null, replace = false) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace },
    );
  const openDetails = (customer: { id: number }) => setParam('customer', String(customer.id));
  const closeDetails = () => setParam('customer', null, true);
  const toggleTodo = (kind: TodoKind) => {
    const next = todo === kind ? null : kind;
    setParam('todo', next);
    setFilters((f) => ({ ...f, statuses: statusesFor(next, f.statuses) }));
  };
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
    compact,
    domainName,
    onOpen: openDetails,
    menu: (customer) => (
      <RowMenuButton customer={customer} items={itemsOf(customer)} onSelect={(key) => onSelect(customer, key)} />
    ),
  });
  let empty = filtered ? t('common.noMatch') : t('home.empty');
  if (todo) empty = t(`todo.empty.${todo}`, { days: strip?.recent_days ?? '' });

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
            {access.assignsCustomerPeople ? (
              <Button icon={<SwapOutlined />} onClick={() => setReassigning(true)} data-testid="home-reassign">
                {selected.length ? `${t('reassign.button')} (${selected.length})` : t('reassign.button')}
              </Button>
            ) : null}
            <ExportMenu call={exportCall} name="customers" testId="customers-export" />
          </>
        }
      />
      <ContentCard>
        <TodoStrip strip={strip} active={todo} onToggle={toggleTodo} />
        <CustomerToolbar search={search} onSearch={setSearch} filters={filters} setFilters={setFilters} />
        <QueryTable<CustomerPublic>
          query={query}
          table={table}
          columns={columns}
          empty={empty}
          data-testid="customers-table"
          size={compact ? 'small' : 'middle'}
          scroll={compact ? undefined : { x: 'max-content' }}
          rowSelection={
            access.assignsCustomerPeople
              ? {
                  selectedRowKeys: selected,
                  preserveSelectedRowKeys: true,
                  onChange: (keys) => setSelected(keys.map(Number)),
                }
              : undefined
          }
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
              ...longPress(customer),
            }) as HTMLAttributes<HTMLElement>
          }
          footer={() => (
            <Flex justify="space-between" wrap gap={8}>
              <NearExpiryLegend />
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="menu-hint">
                {t(TOUCH || compact ? 'home.menuHintTouch' : 'home.menuHint')}
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
      {access.assignsCustomerPeople ? (
        <ReassignModal
          open={reassigning}
          selectedIds={selected}
          onClose={() => setReassigning(false)}
          onDone={() => {
            setReassigning(false);
            setSelected([]);
          }}
        />
      ) : null}
    </>
  );
}
