import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { canEnterOrders } from '../../app/access';
import { useCurrentUser } from '../../app/auth';
import type { OrderPublic } from '../../client';
import { ErrorResult } from '../../components/ErrorResult';
import { ExportMenu } from '../../components/ExportMenu';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ReasonModal } from '../../components/ReasonModal';
import { useTableState } from '../../hooks/useTableState';
import { useT } from '../../locales/i18n';
import { OrderForm } from './OrderForm';
import { OrderHistory } from './OrderHistory';
import { OrderLines } from './OrderLines';
import { projectsState } from './orderForm';
import { ProjectsNotice } from './ProjectsNotice';
import { useCustomerOrders, useOrderWrites } from './useOrders';

/** 销售记录: a customer's orders (1), the lines of one (2) and, for the assistant, the entry form. */
export default function SalesRecordsPage() {
  const t = useT();
  const navigate = useNavigate();
  const customerId = Number(useParams().id) || 0;
  const { access } = useCurrentUser();
  const table = useTableState({ pageSize: 10 });
  const { customer, projects, orders, exportOrders } = useCustomerOrders(customerId, table.state);
  const { remove } = useOrderWrites();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [editing, setEditing] = useState<OrderPublic | null>(null);
  const [deleting, setDeleting] = useState<OrderPublic | null>(null);

  if (customer.isError) return <ErrorResult error={customer.error} onRetry={() => void customer.refetch()} />;
  if (!customer.data) return <Skeleton active />;

  const items = orders.data?.items ?? [];
  const selected = items.find((o) => o.id === selectedId) ?? items[0] ?? null;
  const writes = canEnterOrders(access, customer.data);
  const contactName = customer.data.contact?.display_name ?? t('sales.projects.contactUnknown');
  const state = projectsState(projects.data ?? []);

  return (
    <>
      <PageHeader
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/')} aria-label={t('common.backHome')} />
            <span data-testid="orders-title">{t('sales.title')}</span>
          </Space>
        }
        subtitle={
          <span data-testid="orders-customer">
            {customer.data.name}
            {customer.data.contact ? ` · ${t('sales.contact', { name: contactName })}` : ''}
          </span>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={writes ? 12 : 24}>
          <Card
            size="small"
            title={t('sales.history.title')}
            extra={<ExportMenu call={exportOrders} name="orders" testId="orders-export" size="small" />}
            style={{ marginBottom: 16 }}
          >
            {orders.isError ? <LoadErrorAlert error={orders.error} onRetry={() => void orders.refetch()} /> : null}
            <OrderHistory
              orders={items}
              total={orders.data?.total}
              loading={orders.isFetching}
              table={table}
              selectedId={selected?.id ?? null}
              onSelect={(order) => setSelectedId(order.id)}
              actionsOf={
                writes
                  ? (order) => [
                      { key: 'edit', label: t('common.edit'), onClick: () => setEditing(order) },
                      { key: 'delete', label: t('sales.delete.action'), danger: true, onClick: () => setDeleting(order) },
                    ]
                  : undefined
              }
            />
          </Card>
          <Card
            size="small"
            title={selected ? t('sales.lines.titleOf', { number: selected.order_number }) : t('sales.lines.title')}
          >
            <OrderLines order={selected} />
          </Card>
        </Col>
        {writes ? (
          <Col xs={24} xl={12}>
            <Card
              size="small"
              title={editing ? t('sales.form.editTitle', { number: editing.order_number }) : t('sales.form.title')}
              data-testid="order-form-card"
            >
              {projects.isPending ? <Skeleton active /> : null}
              {projects.data ? <ProjectsNotice state={state} contactName={contactName} /> : null}
              {projects.data && state !== 'none' ? (
                <OrderForm
                  key={editing?.id ?? 'new'}
                  customerId={customerId}
                  projects={projects.data}
                  contactName={contactName}
                  editing={editing}
                  onDoneEditing={() => setEditing(null)}
                  onSaved={(order) => setSelectedId(order.id)}
                />
              ) : null}
            </Card>
          </Col>
        ) : null}
      </Row>
      {!writes ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
          {t('sales.readOnly')}
        </Typography.Paragraph>
      ) : null}
      <ReasonModal
        open={deleting !== null}
        title={t('sales.delete.title', { number: deleting?.order_number ?? '' })}
        description={t('sales.delete.description')}
        label={t('sales.delete.reason')}
        minLength={1}
        okText={t('sales.delete.action')}
        danger
        loading={remove.isPending}
        testId="order-delete"
        onCancel={() => setDeleting(null)}
        onSubmit={(reason) => {
          if (!deleting) return;
          remove.mutate(
            { path: { order_id: deleting.id }, body: { reason } },
            {
              onSuccess: () => {
                if (editing?.id === deleting.id) setEditing(null);
                setDeleting(null);
              },
            },
          );
        }}
      />
    </>
  );
}
