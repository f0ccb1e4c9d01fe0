import { Alert, App, Form, Radio, Select, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorText } from '../../api';
import {
  customersListCustomersOptions,
  customersReassignCustomersMutation,
} from '../../client/@tanstack/react-query.gen';
import { FormModal } from '../../components/FormModal';
import { usePeopleChoices, useSalespeopleChoices } from '../../hooks/useChoices';
import { invalidateOperations } from '../../lib/queries';
import { useT } from '../../locales/i18n';
import { DEFAULT_STATUSES } from './useCustomers';

type Scope = 'selected' | 'from';

interface Values {
  scope: Scope;
  from_user_id?: number;
  to_user_ids: number[];
}

/** How many customers the server will hand over from a person: their pending and protected ones. */
function useHeldCount(userId: number | undefined) {
  return useQuery({
    ...customersListCustomersOptions({ query: { contact_user_id: userId, status: DEFAULT_STATUSES, limit: 1 } }),
    enabled: userId !== undefined,
    select: (page) => page.total,
  });
}

/** 批量转移 (master account): the ticked customers, or all of one person's, dealt in turn to one
 * or several salespeople of the agent — confirmed here, audited as one action. */
export function ReassignModal({
  open,
  selectedIds,
  onClose,
  onDone,
}: {
  open: boolean;
  selectedIds: number[];
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const scope = Form.useWatch('scope', form);
  const fromId = Form.useWatch('from_user_id', form);
  const toIds = Form.useWatch('to_user_ids', form) ?? [];
  const everyone = useSalespeopleChoices(open);
  const active = usePeopleChoices('sales', open);
  const held = useHeldCount(open && scope === 'from' ? fromId : undefined);
  const reassign = useMutation({
    ...customersReassignCustomersMutation(),
    meta: { silent: true }, // shown in the dialog: a refused person, customers moved meanwhile
    onSuccess: (result) => {
      void invalidateOperations(queryClient, 'customersListCustomers', 'customersReadCustomer', 'customersReadTodo');
      void message.success(t('reassign.done', { count: result.count }));
      onDone();
    },
  });
  const count = scope === 'selected' ? selectedIds.length : held.data;
  const names = (active.data ?? []).filter((p) => toIds.includes(p.value)).map((p) => p.label);

  return (
    <FormModal<Values>
      form={form}
      open={open}
      title={t('reassign.title')}
      okText={t('reassign.confirm')}
      okTestId="reassign-ok"
      loading={reassign.isPending}
      initialValues={{ scope: selectedIds.length ? 'selected' : 'from', to_user_ids: [] }}
      onSubmit={(values) =>
        reassign.mutate({
          body:
            values.scope === 'selected'
              ? { customer_ids: selectedIds, to_user_ids: values.to_user_ids }
              : { from_user_id: values.from_user_id ?? null, to_user_ids: values.to_user_ids },
        })
      }
      onCancel={onClose}
      afterOpenChange={(visible) => {
        if (visible) form.setFieldsValue({ scope: selectedIds.length ? 'selected' : 'from' });
      }}
      afterClose={() => reassign.reset()}
      formTestId="reassign-form"
      intro={
        <>
          <Typography.Paragraph type="secondary">{t('reassign.intro')}</Typography.Paragraph>
          {reassign.isError ? (
            <Alert type="error" showIcon title={errorText(reassign.error)} style={{ marginBottom: 16 }} data-testid="reassign-error" />
          ) : null}
        </>
      }
    >
      <Form.Item name="scope" label={t('reassign.scope')}>
        <Radio.Group
          options={[
            { value: 'selected', label: t('reassign.scope.selected', { count: selectedIds.length }), disabled: !selectedIds.length },
            { value: 'from', label: t('reassign.scope.from') },
          ]}
        />
      </Form.Item>
      {scope === 'from' ? (
        <Form.Item
          name="from_user_id"
          label={t('reassign.from')}
          rules={[{ required: true, message: t('reassign.required') }]}
          extra={held.data !== undefined ? t('reassign.fromCount', { count: held.data }) : undefined}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} loading={everyone.isLoading} options={everyone.data ?? []} />
        </Form.Item>
      ) : null}
      <Form.Item
        name="to_user_ids"
        label={t('reassign.to')}
        extra={t('reassign.toHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('reassign.required') }]}
      >
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          loading={active.isLoading}
          options={(active.data ?? []).filter((p) => scope !== 'from' || p.value !== fromId)}
        />
      </Form.Item>
      {count !== undefined && names.length ? (
        <Alert type="info" showIcon title={t('reassign.summary', { count, names: names.join('、') })} data-testid="reassign-summary" />
      ) : null}
    </FormModal>
  );
}
