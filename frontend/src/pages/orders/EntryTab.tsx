import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Form, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { customersReadCustomerOptions, projectsListProjectsOptions } from '../../client/@tanstack/react-query.gen';
import { useTableState } from '../../hooks/useTableState';
import { useT } from '../../locales/i18n';
import { OrderForm } from '../sales/OrderForm';
import { projectsState } from '../sales/orderForm';
import { ProjectsNotice } from '../sales/ProjectsNotice';
import { CustomerPicker, type CustomerChoice } from './CustomerPicker';
import { OrderTable } from './OrderTable';
import { useTodaysOrders } from './useDesk';

const CUSTOMER_FIELD = 'desk_customer';

/** The customer's entry form: its projects decide what can be sold (SPEC §9). */
function CustomerOrderForm({ customer }: { customer: CustomerChoice }) {
  const t = useT();
  const path = { customer_id: customer.id };
  const detail = useQuery(customersReadCustomerOptions({ path }));
  const projects = useQuery(projectsListProjectsOptions({ path }));
  if (!detail.data || !projects.data) return <Skeleton active />;
  const contactName = detail.data.contact?.display_name ?? t('sales.projects.contactUnknown');
  const state = projectsState(projects.data);
  return (
    <>
      <ProjectsNotice state={state} contactName={contactName} />
      {state !== 'none' ? (
        <OrderForm
          key={customer.id}
          customerId={customer.id}
          projects={projects.data}
          contactName={contactName}
          editing={null}
          onDoneEditing={() => undefined}
          onSaved={() => undefined}
          focusAfterSave={CUSTOMER_FIELD}
        />
      ) : null}
    </>
  );
}

/** 今日录入: pick a customer, type its order with the keyboard, see today's orders of all. */
export function EntryTab() {
  const t = useT();
  const [customer, setCustomer] = useState<CustomerChoice | null>(null);
  const table = useTableState({ pageSize: 10 });
  const today = useTodaysOrders(table.query);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('orders.entry.title')} data-testid="desk-entry">
          <Form layout="vertical" component="div">
            <Form.Item label={t('orders.entry.customer')} htmlFor={CUSTOMER_FIELD} extra={t('orders.entry.customerHint')}>
              <CustomerPicker
                id={CUSTOMER_FIELD}
                label={t('orders.entry.customer')}
                placeholder={t('orders.entry.customerPlaceholder')}
                value={customer}
                onChange={setCustomer}
                statuses={['protected']}
                style={{ width: '100%' }}
                testId="desk-customer"
              />
            </Form.Item>
          </Form>
          {customer ? (
            <CustomerOrderForm key={customer.id} customer={customer} />
          ) : (
            <Typography.Text type="secondary">{t('orders.entry.pickCustomer')}</Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('orders.entry.today')}>
          {today.data || today.isFetching ? (
            <OrderTable
              orders={today.data?.items ?? []}
              total={today.data?.total}
              loading={today.isFetching}
              table={table}
              empty={t('orders.entry.todayEmpty')}
              testId="desk-today"
            />
          ) : (
            <Empty description={t('orders.entry.todayEmpty')} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
