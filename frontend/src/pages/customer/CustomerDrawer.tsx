import { Button, Drawer, Grid, Skeleton, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { canEditCustomer, canReleaseCustomer, canReviewCustomer, extensionRefusal } from '../../app/access';
import { useCurrentUser } from '../../app/auth';
import type { CustomerPublic } from '../../client';
import { customersReadCustomerOptions } from '../../client/@tanstack/react-query.gen';
import { ErrorResult } from '../../components/ErrorResult';
import { ReasonModal } from '../../components/ReasonModal';
import { CustomerStatusTag } from '../../components/StatusTags';
import { useT } from '../../locales/i18n';
import { AssignPeopleModal } from './AssignPeopleModal';
import { CustomerEditForm } from './CustomerEditForm';
import { CustomerGroup } from './CustomerGroup';
import { CustomerInfo } from './CustomerInfo';
import { CustomerNames } from './CustomerNames';
import { RenameModal } from './RenameModal';
import { ReviewModal } from './ReviewModal';
import { useVendorDecisions } from './useVendorDecisions';

type Dialog = 'contact' | 'faes' | 'release' | 'review' | 'rename' | null;

/** A customer's details, with what the role may do to it (SPEC §3, §5, §6). */
export function CustomerDrawer({
  customerId,
  onClose,
  onRequestExtension,
}: {
  customerId: number | null;
  onClose: () => void;
  onRequestExtension?: (customer: CustomerPublic) => void;
}) {
  const t = useT();
  const { me, access } = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const query = useQuery({
    ...customersReadCustomerOptions({ path: { customer_id: customerId ?? 0 } }),
    enabled: customerId !== null,
    meta: { silent: true },
  });
  const customer = customerId !== null ? query.data : undefined;
  const decisions = useVendorDecisions(customer, () => setDialog(null));
  const close = () => {
    setEditing(false);
    setDialog(null);
    onClose();
  };

  const actions =
    customer && me && !editing ? (
      <Space wrap size={[8, 8]}>
        {canEditCustomer(access, me, customer) ? (
          <Button onClick={() => setEditing(true)} data-testid="customer-edit">
            {t('common.edit')}
          </Button>
        ) : null}
        {onRequestExtension && extensionRefusal(access, me, customer) === null ? (
          <Button onClick={() => onRequestExtension(customer)}>{t('home.menu.extension')}</Button>
        ) : null}
        {access.assignsCustomerPeople ? (
          <>
            <Button onClick={() => setDialog('contact')}>{t('customer.assignContact')}</Button>
            <Button onClick={() => setDialog('faes')}>{t('customer.assignFaes')}</Button>
          </>
        ) : null}
        {access.correctsCustomerIdentity ? (
          <Button onClick={() => setDialog('rename')} data-testid="customer-rename">
            {t('rename.action')}
          </Button>
        ) : null}
        {canReviewCustomer(access, customer) ? (
          <Button onClick={() => setDialog('review')}>{t('customer.review')}</Button>
        ) : null}
        {canReleaseCustomer(access, customer) ? (
          <Button danger onClick={() => setDialog('release')} data-testid="customer-release">
            {t('customer.release')}
          </Button>
        ) : null}
      </Space>
    ) : null;

  return (
    <Drawer
      open={customerId !== null}
      onClose={close}
      size={screens.md ? 720 : '100%'}
      title={
        customer ? (
          <Space wrap size={[8, 0]}>
            <Typography.Text strong data-testid="drawer-customer-name">
              {customer.name}
            </Typography.Text>
            <CustomerStatusTag status={customer.status} />
          </Space>
        ) : (
          t('customer.details')
        )
      }
      destroyOnHidden
      data-testid="customer-drawer"
    >
      {query.isError ? <ErrorResult error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!customer && !query.isError ? <Skeleton active /> : null}
      {customer ? (
        <>
          {actions ? <div style={{ marginBottom: 16 }}>{actions}</div> : null}
          {editing ? (
            <CustomerEditForm customer={customer} onDone={() => setEditing(false)} />
          ) : (
            <>
              <CustomerInfo customer={customer} />
              <CustomerNames customer={customer} editable={!!me && canEditCustomer(access, me, customer)} />
              {access.correctsCustomerIdentity ? <CustomerGroup customer={customer} /> : null}
            </>
          )}
          <RenameModal customer={customer} open={dialog === 'rename'} onClose={() => setDialog(null)} />
          <AssignPeopleModal
            customer={customer}
            kind={dialog === 'contact' || dialog === 'faes' ? dialog : null}
            onClose={() => setDialog(null)}
          />
          <ReasonModal
            open={dialog === 'release'}
            title={t('customer.releaseTitle', { name: customer.name })}
            description={t('customer.releaseText')}
            label={t('reason.label')}
            minLength={2}
            okText={t('customer.release')}
            danger
            loading={decisions.releasing}
            onSubmit={decisions.release}
            onCancel={() => setDialog(null)}
            testId="release-modal"
          />
          <ReviewModal
            customer={customer}
            open={dialog === 'review'}
            loading={decisions.reviewing}
            onSubmit={decisions.review}
            onCancel={() => setDialog(null)}
          />
        </>
      ) : null}
    </Drawer>
  );
}
