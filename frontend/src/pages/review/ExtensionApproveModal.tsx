import { DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ExtensionApproval, ExtensionPublic } from '../../client';
import { endOfShanghaiDay, formatDate } from '../../lib/format';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../locales/i18n';
import type { ApproveModalProps } from './ApplicationQueue';
import { currentEnd, isTooEarly, suggestedEnd } from './extensionDates';

interface Values {
  until: Dayjs;
  reason?: string;
}

/** Approve an extension with a new end date (and an optional note). */
export function ExtensionApproveModal({
  target: extension,
  loading,
  onSubmit,
  onCancel,
}: ApproveModalProps<ExtensionPublic, ExtensionApproval>) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      form={form}
      open={!!extension}
      title={t('review.extendTitle', { name: extension?.customer.name ?? '' })}
      okText={t('review.approve')}
      okTestId="extension-approve-ok"
      loading={loading}
      onSubmit={(values) => onSubmit({ protection_until: endOfShanghaiDay(values.until), reason: (values.reason ?? '').trim() })}
      onCancel={onCancel}
      afterOpenChange={(visible) => {
        if (visible && extension) form.setFieldsValue({ until: suggestedEnd(extension) });
      }}
      intro={
        extension ? (
          <Typography.Paragraph type="secondary">
            {t('review.extendText', { date: formatDate(currentEnd(extension)) })}
            {extension.requested_until ? ` ${t('review.requestedDate', { date: formatDate(extension.requested_until) })}` : ''}
          </Typography.Paragraph>
        ) : null
      }
    >
      <Form.Item name="until" label={t('review.newEnd')} rules={[{ required: true, message: t('review.newEndRequired') }]}>
        <DatePicker
          disabledDate={(day) => (extension ? isTooEarly(day, extension) : false)}
          style={{ width: '100%', maxWidth: 240 }}
          allowClear={false}
        />
      </Form.Item>
      <Form.Item name="reason" label={t('review.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} showCount />
      </Form.Item>
    </FormModal>
  );
}
