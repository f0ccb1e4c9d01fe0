import { Alert, App, DatePicker, Form, Input, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { errorText } from '../../api';
import type { CustomerPublic } from '../../client';
import { extensionsRequestExtensionMutation } from '../../client/@tanstack/react-query.gen';
import { endOfShanghaiDay, formatDate, shanghaiDay } from '../../lib/format';
import { FormModal } from '../../components/FormModal';
import { invalidateOperations } from '../../lib/queries';
import { DraftNotice } from '../../components/DraftNotice';
import { useFormDraft } from '../../hooks/useFormDraft';
import { useT } from '../../locales/i18n';

interface Values {
  reason: string;
  requested_until?: Dayjs | null;
}

export const EXTENSION_REASON_MIN = 5;

/** 申请延期: before the deadline, with a reason (the evidence the vendor decides on). */
export function ExtensionRequestModal({ customer, onClose }: { customer: CustomerPublic | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const draft = useFormDraft(form, `extension.${customer?.id ?? 0}`, { active: !!customer });
  const request = useMutation({
    ...extensionsRequestExtensionMutation(),
    meta: { silent: true }, // shown in the dialog (e.g. one already open)
    onSuccess: () => {
      draft.clear();
      void invalidateOperations(queryClient, 'extensionsListExtensions', 'customersListCustomers', 'customersReadCustomer');
      void message.success(t('extension.requested', { name: customer?.name ?? '' }));
      onClose();
    },
  });
  const until = customer?.protection_until ?? null;

  return (
    <FormModal<Values>
      form={form}
      open={!!customer}
      title={t('extension.requestTitle', { name: customer?.name ?? '' })}
      okText={t('extension.submit')}
      okTestId="extension-submit"
      loading={request.isPending}
      onSubmit={(values) => {
        // A refusal (e.g. one already open) is shown in the dialog, not on a field.
        if (!customer) return;
        request.mutate({
          path: { customer_id: customer.id },
          body: {
            reason: values.reason.trim(),
            requested_until: values.requested_until ? endOfShanghaiDay(values.requested_until) : null,
          },
        });
      }}
      onCancel={onClose}
      afterClose={() => request.reset()}
      onValuesChange={draft.onValuesChange}
      intro={
        <>
          <Typography.Paragraph type="secondary">{t('extension.requestText', { date: formatDate(until) })}</Typography.Paragraph>
          <DraftNotice draft={draft} />
          {request.isError ? <Alert type="error" showIcon title={errorText(request.error)} style={{ marginBottom: 16 }} /> : null}
        </>
      }
    >
      <Form.Item
        name="reason"
        label={t('extension.reason')}
        extra={t('extension.reasonHint')}
        rules={[
          { required: true, whitespace: true, message: t('reason.required') },
          { min: EXTENSION_REASON_MIN, message: t('reason.tooShort', { min: EXTENSION_REASON_MIN }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={1000} showCount autoFocus />
      </Form.Item>
      <Form.Item name="requested_until" label={t('extension.requestedUntil')} extra={t('extension.requestedUntilHint')}>
        <DatePicker
          disabledDate={(day) => (until ? !day.isAfter(shanghaiDay(until), 'day') : false)}
          style={{ width: '100%', maxWidth: 240 }}
        />
      </Form.Item>
    </FormModal>
  );
}
