import { Alert, App, Button, DatePicker, Flex, Form, Input, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { errorText, isApiError } from '../../api';
import type { OrderPublic, ProjectPublic } from '../../client';
import { DraftNotice } from '../../components/DraftNotice';
import { useFormDraft } from '../../hooks/useFormDraft';
import { useT } from '../../locales/i18n';
import { focusNext, focusSoon } from './focus';
import { OrderLineFields } from './OrderLineFields';
import { emptyLine, isFutureDay, newOrderValues, orderPayload, orderValues, type OrderFormValues } from './orderForm';
import { useOrderWrites } from './useOrders';

const FORM = 'order';
/** Server refusals that concern one field of the header. */
const FIELD_OF_CODE: Record<string, keyof OrderFormValues> = {
  order_number_taken: 'order_number',
  contract_date_in_future: 'contract_date',
};

export interface OrderFormProps {
  customerId: number;
  projects: ProjectPublic[];
  contactName: string;
  editing: OrderPublic | null;
  onDoneEditing: () => void;
  onSaved: (order: OrderPublic) => void;
  /** The field focused after a new order is saved (default: its order number, for the next). */
  focusAfterSave?: string;
}

/** Enter a new order or edit one: header, lines, batch numbers. Ctrl+Enter saves. */
export function OrderForm({ customerId, projects, contactName, editing, onDoneEditing, onSaved, focusAfterSave = `${FORM}_order_number` }: OrderFormProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrderFormValues>();
  const box = useRef<HTMLDivElement>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { create, update } = useOrderWrites();
  const saving = create.isPending || update.isPending;
  const draft = useFormDraft(form, editing ? `order.edit.${editing.id}` : `order.new.${customerId}`);

  // The parent keys this form by the edited order, so a new order / another order starts afresh.
  useEffect(() => focusSoon(`${FORM}_order_number`), []);

  const onError = (error: unknown) => {
    const field = isApiError(error) ? FIELD_OF_CODE[error.code] : undefined;
    if (field) form.setFields([{ name: field, errors: [errorText(error)] }]);
    else setRefusal(errorText(error));
  };
  const onFinish = (values: OrderFormValues) => {
    setRefusal(null);
    const body = orderPayload(values);
    const done = (order: OrderPublic) => {
      draft.clear();
      void message.success(t(editing ? 'sales.form.updated' : 'sales.form.created', { number: order.order_number }));
      onSaved(order);
      if (editing) onDoneEditing();
      else {
        form.setFieldsValue(newOrderValues());
        focusSoon(focusAfterSave);
      }
    };
    if (editing) update.mutate({ path: { order_id: editing.id }, body }, { onSuccess: done, onError });
    else create.mutate({ path: { customer_id: customerId }, body }, { onSuccess: done, onError });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || !box.current) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      form.submit();
      return;
    }
    const target = e.target as HTMLElement;
    if (target.tagName !== 'INPUT' || target.getAttribute('aria-expanded') === 'true') return;
    e.preventDefault();
    focusNext(box.current, target);
  };

  return (
    <div ref={box} onKeyDown={onKeyDown} data-testid="order-form">
      <DraftNotice draft={draft} />
      <Form<OrderFormValues>
        form={form}
        name={FORM}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={draft.onValuesChange}
        initialValues={editing ? orderValues(editing) : newOrderValues()}
      >
        {refusal ? <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} data-testid="order-refusal" /> : null}
        <Flex gap={12} wrap>
          <Form.Item
            name="order_number"
            label={t('sales.form.orderNumber')}
            rules={[{ required: true, whitespace: true, message: t('sales.form.orderNumberRequired') }]}
            style={{ flex: '1 1 200px' }}
          >
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="contract_date"
            label={t('sales.form.contractDate')}
            tooltip={t('sales.form.contractDateHelp')}
            rules={[{ required: true, message: t('sales.form.contractDateRequired') }]}
            style={{ flex: '0 1 180px' }}
          >
            <DatePicker allowClear={false} disabledDate={(day) => isFutureDay(day)} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="remarks" label={t('sales.form.remarks')} style={{ flex: '2 1 240px' }}>
            <Input maxLength={500} autoComplete="off" />
          </Form.Item>
        </Flex>
        <Form.List
          name="lines"
          rules={[{ validator: async (_, lines?: unknown[]) => (lines?.length ? undefined : Promise.reject(new Error(t('sales.form.linesRequired')))) }]}
        >
          {(fields, { add, remove }, { errors }) => {
            const addLine = () => {
              add(emptyLine());
              focusSoon(`${FORM}_lines_${fields.length}_project_id`);
            };
            return (
              <>
                {fields.map((field, index) => (
                  <OrderLineFields
                    key={field.key}
                    name={field.name}
                    index={index}
                    formName={FORM}
                    projects={projects}
                    contactName={contactName}
                    canRemove={fields.length > 1}
                    onRemove={() => remove(field.name)}
                    onDone={() => {
                      const own = document.getElementById(`${FORM}_lines_${field.name}_batches`);
                      if (index === fields.length - 1 || !own || !box.current) addLine();
                      else if (!focusNext(box.current, own)) addLine();
                    }}
                  />
                ))}
                <Form.ErrorList errors={errors} />
                <Button type="dashed" block icon={<PlusOutlined />} onClick={addLine} data-testid="order-add-line">
                  {t('sales.form.addLine')}
                </Button>
              </>
            );
          }}
        </Form.List>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 16 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('sales.form.keyboardHint')}
          </Typography.Text>
          <Space>
            {editing ? <Button onClick={onDoneEditing}>{t('sales.form.cancelEdit')}</Button> : null}
            <Button type="primary" htmlType="submit" loading={saving} data-testid="order-submit">
              {editing ? t('sales.form.saveChanges') : t('sales.form.submit')}
            </Button>
          </Space>
        </Flex>
      </Form>
    </div>
  );
}
