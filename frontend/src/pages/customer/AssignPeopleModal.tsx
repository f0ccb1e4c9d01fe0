import { App, Form, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CustomerPublic } from '../../client';
import { customersAssignContactMutation, customersAssignFaesMutation } from '../../client/@tanstack/react-query.gen';
import { usePeopleChoices } from '../../hooks/useChoices';
import { FormModal } from '../../components/FormModal';
import { invalidateOperations } from '../../lib/queries';
import { useT } from '../../locales/i18n';

export type AssignKind = 'contact' | 'faes';

interface Values {
  contact_user_id?: number;
  fae_user_ids?: number[];
}

/** The master account hands a customer to another salesperson, or sets its FAEs (audited). */
export function AssignPeopleModal({
  customer,
  kind,
  onClose,
}: {
  customer: CustomerPublic;
  kind: AssignKind | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const people = usePeopleChoices(kind === 'faes' ? 'fae' : 'sales', kind !== null);
  const done = () => {
    void invalidateOperations(queryClient, 'customersListCustomers', 'customersReadCustomer');
    void message.success(t('customer.peopleSaved'));
    onClose();
  };
  // Silent: FormModal puts a refusal on its field (or reports it) through the `onError` it passes.
  const contact = useMutation({ ...customersAssignContactMutation(), meta: { silent: true }, onSuccess: done });
  const faes = useMutation({ ...customersAssignFaesMutation(), meta: { silent: true }, onSuccess: done });
  const path = { customer_id: customer.id };

  return (
    <FormModal<Values>
      form={form}
      open={kind !== null}
      title={t(kind === 'faes' ? 'customer.assignFaesTitle' : 'customer.assignContactTitle', { name: customer.name })}
      loading={contact.isPending || faes.isPending}
      onSubmit={(values, onError) => {
        if (kind === 'faes') faes.mutate({ path, body: { fae_user_ids: values.fae_user_ids ?? [] } }, { onError });
        else if (values.contact_user_id !== undefined)
          contact.mutate({ path, body: { contact_user_id: values.contact_user_id } }, { onError });
      }}
      onCancel={onClose}
      afterOpenChange={(visible) => {
        if (visible) form.setFieldsValue({ contact_user_id: customer.contact?.id, fae_user_ids: customer.faes.map((f) => f.id) });
      }}
    >
      {kind === 'faes' ? (
        <Form.Item name="fae_user_ids" label={t('customer.faes')} extra={t('customer.faesHint')}>
          <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} loading={people.isLoading} options={people.data ?? []} />
        </Form.Item>
      ) : (
        <Form.Item
          name="contact_user_id"
          label={t('customer.contact')}
          extra={t('customer.contactHint')}
          rules={[{ required: true, message: t('customer.contactRequired') }]}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} loading={people.isLoading} options={people.data ?? []} />
        </Form.Item>
      )}
    </FormModal>
  );
}
