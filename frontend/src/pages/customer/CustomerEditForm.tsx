import { App, Button, Flex, Form } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CustomerPublic } from '../../client';
import { customersUpdateCustomerMutation } from '../../client/@tanstack/react-query.gen';
import { BackgroundFields, CustomerCoreFields, CustomerPartyFields } from '../../components/CustomerFields';
import { DETAIL_FIELD_MAP, detailsBody, detailValuesOf, type CustomerDetailValues } from '../../lib/customerForm';
import { invalidateOperations } from '../../lib/queries';
import { reportFieldErrors } from '../../lib/serverErrors';
import { DraftNotice } from '../../components/DraftNotice';
import { useFormDraft } from '../../hooks/useFormDraft';
import { useT } from '../../locales/i18n';

/** Complete or correct a customer's details (the name is the registration's and stays). */
export function CustomerEditForm({ customer, onDone }: { customer: CustomerPublic; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CustomerDetailValues>();
  const draft = useFormDraft(form, `customer.edit.${customer.id}`);
  const update = useMutation({
    ...customersUpdateCustomerMutation(),
    meta: { silent: true },
    onSuccess: () => {
      draft.clear();
      void invalidateOperations(queryClient, 'customersListCustomers', 'customersReadCustomer');
      void message.success(t('customer.saved'));
      onDone();
    },
    onError: reportFieldErrors(form, DETAIL_FIELD_MAP),
  });
  return (
    <Form<CustomerDetailValues>
      form={form}
      layout="vertical"
      initialValues={detailValuesOf(customer)}
      onValuesChange={draft.onValuesChange}
      onFinish={(values) => update.mutate({ path: { customer_id: customer.id }, body: detailsBody(values) })}
      data-testid="customer-edit-form"
    >
      <DraftNotice draft={draft} />
      <CustomerCoreFields />
      <CustomerPartyFields />
      <BackgroundFields defaultOpen />
      <Flex gap={8} justify="flex-end">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="customer-save">
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
