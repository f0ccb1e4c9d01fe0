import { App, Form, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { reportError } from '../../api';
import type { CustomerPublic } from '../../client';
import { customersAssignContactMutation, customersAssignFaesMutation } from '../../client/@tanstack/react-query.gen';
import { usePeopleChoices } from '../../components/choices';
import { invalidateOperations } from '../../components/queries';
import { showFieldErrors } from '../../components/serverErrors';
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
  const onError = (error: unknown) => {
    if (!showFieldErrors(form, error)) reportError(error);
  };
  const contact = useMutation({ ...customersAssignContactMutation(), meta: { silent: true }, onSuccess: done, onError });
  const faes = useMutation({ ...customersAssignFaesMutation(), meta: { silent: true }, onSuccess: done, onError });
  const path = { customer_id: customer.id };

  return (
    <Modal
      open={kind !== null}
      title={t(kind === 'faes' ? 'customer.assignFaesTitle' : 'customer.assignContactTitle', { name: customer.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={contact.isPending || faes.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
      afterOpenChange={(visible) =>
        visible &&
        form.setFieldsValue({ contact_user_id: customer.contact?.id, fae_user_ids: customer.faes.map((f) => f.id) })
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) =>
          kind === 'faes'
            ? faes.mutate({ path, body: { fae_user_ids: values.fae_user_ids ?? [] } })
            : values.contact_user_id !== undefined && contact.mutate({ path, body: { contact_user_id: values.contact_user_id } })
        }
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
      </Form>
    </Modal>
  );
}
