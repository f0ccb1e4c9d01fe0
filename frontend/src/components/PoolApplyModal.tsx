import { Alert, App, Form, Input, Select, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorText } from '../api';
import { useCurrentUser } from '../app/auth';
import { poolApplyFromPoolMutation } from '../client/@tanstack/react-query.gen';
import type { PoolCustomer } from '../client';
import { useT } from '../locales/i18n';
import { usePeopleChoices } from '../hooks/useChoices';
import { FormModal } from './FormModal';
import { invalidateOperations } from '../lib/queries';

/** The pool customer applied for (also named by a conflict candidate that points into the pool). */
export type PoolTarget = Pick<PoolCustomer, 'id' | 'name'>;

interface Values {
  note?: string;
  contact_user_id?: number;
}

/** Apply for a pool customer (资源池): confirm, optional note, the contact for a master account. */
export function PoolApplyModal({
  target,
  onClose,
  onApplied,
}: {
  target: PoolTarget | null;
  onClose: () => void;
  onApplied?: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const { access } = useCurrentUser();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const sales = usePeopleChoices('sales', !!target && access.picksContact);
  const apply = useMutation({
    ...poolApplyFromPoolMutation(),
    meta: { silent: true }, // shown in the dialog: cooldown, limit, taken
    onSettled: () =>
      void invalidateOperations(queryClient, 'poolListPool', 'customersListCustomers', 'registrationsListRegistrations'),
    onSuccess: () => {
      void message.success(t('pool.applied', { name: target?.name ?? '' }));
      onClose();
      onApplied?.();
    },
  });

  return (
    <FormModal<Values>
      form={form}
      open={!!target}
      title={t('pool.applyTitle', { name: target?.name ?? '' })}
      okText={t('pool.applyConfirm')}
      okTestId="pool-apply-ok"
      loading={apply.isPending}
      onSubmit={(values) => {
        // A refusal (cooldown, limit, taken) is shown in the dialog, not on a field.
        if (!target) return;
        apply.mutate({
          path: { customer_id: target.id },
          body: { note: (values.note ?? '').trim(), contact_user_id: values.contact_user_id ?? null },
        });
      }}
      onCancel={onClose}
      afterClose={() => apply.reset()}
      intro={
        <>
          <Typography.Paragraph type="secondary">{t('pool.applyText')}</Typography.Paragraph>
          {apply.isError ? (
            <Alert type="error" showIcon title={errorText(apply.error)} style={{ marginBottom: 16 }} data-testid="pool-apply-error" />
          ) : null}
        </>
      }
    >
      {access.picksContact ? (
        <Form.Item name="contact_user_id" label={t('register.contact')} extra={t('register.contactHint')}>
          <Select allowClear loading={sales.isLoading} options={sales.data ?? []} placeholder={t('register.contactPlaceholder')} />
        </Form.Item>
      ) : null}
      <Form.Item name="note" label={t('register.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} showCount />
      </Form.Item>
    </FormModal>
  );
}
