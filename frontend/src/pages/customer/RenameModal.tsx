import { Alert, App, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../api';
import type { ConflictCandidate, CustomerPublic } from '../../client';
import { customersRenameCustomerMutation } from '../../client/@tanstack/react-query.gen';
import { CandidateList } from '../../components/CandidateList';
import { FormModal } from '../../components/FormModal';
import { candidatesOfError } from '../../lib/candidates';
import { invalidateOperations } from '../../lib/queries';
import { useT } from '../../locales/i18n';

interface RenameValues {
  name: string;
  reason: string;
}

/** The vendor corrects a customer's official name; a name another customer has is refused with it. */
export function RenameModal({ customer, open, onClose }: { customer: CustomerPublic; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RenameValues>();
  const [blocked, setBlocked] = useState<ConflictCandidate[]>([]);
  const rename = useMutation({
    ...customersRenameCustomerMutation(),
    meta: { silent: true },
    onSuccess: (updated) => {
      void invalidateOperations(queryClient, 'customersReadCustomer', 'customersListCustomers', 'auditListAudit');
      void message.success(t('rename.done', { name: updated.name }));
      onClose();
    },
  });
  return (
    <FormModal<RenameValues>
      form={form}
      open={open}
      title={t('rename.title', { name: customer.name })}
      okText={t('rename.action')}
      okTestId="rename-submit"
      loading={rename.isPending}
      intro={
        <>
          <Alert type="info" showIcon title={t('rename.intro')} style={{ marginBottom: 16 }} />
          {blocked.length ? (
            <Alert
              type="error"
              showIcon
              title={t('rename.blocked')}
              description={<CandidateList candidates={blocked} testId="rename-conflicts" />}
              style={{ marginBottom: 16 }}
            />
          ) : null}
        </>
      }
      onSubmit={(values, onError) =>
        rename.mutate(
          { path: { customer_id: customer.id }, body: { name: values.name.trim(), reason: values.reason.trim() } },
          {
            onError: (error) => {
              setBlocked(isApiError(error) && error.status === 409 ? candidatesOfError(error) : []);
              onError(error);
            },
          },
        )
      }
      onCancel={onClose}
      formTestId="rename-form"
      initialValues={{ name: customer.name, reason: '' }}
      afterClose={() => {
        // Cleared as it closes (not as it opens, after the animation): typing starts at once.
        setBlocked([]);
        form.resetFields();
      }}
      name="rename"
    >
      <Form.Item
        name="name"
        label={t('rename.newName')}
        rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('names.nameRequired') }]}
      >
        <Input maxLength={200} autoComplete="off" data-testid="rename-name" />
      </Form.Item>
      <Form.Item name="reason" label={t('rename.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('rename.reasonRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} showCount data-testid="rename-reason" />
      </Form.Item>
    </FormModal>
  );
}
