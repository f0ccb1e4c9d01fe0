import { Alert, Form, Input, Radio } from 'antd';
import type { CustomerPublic } from '../../client';
import { FormModal } from '../../components/FormModal';
import { formatDate } from '../../lib/format';
import { useT } from '../../locales/i18n';

interface Values {
  keep: boolean;
  reason: string;
}

/** The periodic review of a mass-production (量产) customer: keep it, or release it to the pool. */
export function ReviewModal({
  customer,
  open,
  loading,
  onSubmit,
  onCancel,
}: {
  customer: CustomerPublic;
  open: boolean;
  loading: boolean;
  onSubmit: (keep: boolean, reason: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const keep = Form.useWatch('keep', form) ?? true;
  return (
    <FormModal<Values>
      form={form}
      open={open}
      title={t('customer.reviewTitle', { name: customer.name })}
      okText={keep ? t('customer.reviewKeep') : t('customer.reviewRelease')}
      okDanger={!keep}
      okTestId="review-ok"
      loading={loading}
      onSubmit={(values) => onSubmit(values.keep, values.reason.trim())}
      onCancel={onCancel}
      initialValues={{ keep: true }}
    >
      <Form.Item name="keep" label={t('customer.reviewDecision')}>
        <Radio.Group
          options={[
            { value: true, label: t('customer.reviewKeep') },
            { value: false, label: t('customer.reviewRelease') },
          ]}
        />
      </Form.Item>
      <Alert
        type={keep ? 'info' : 'warning'}
        showIcon
        title={keep ? t('customer.reviewKeepText', { date: formatDate(customer.next_review_at) }) : t('customer.releaseText')}
        style={{ marginBottom: 16 }}
      />
      <Form.Item
        name="reason"
        label={t('reason.label')}
        rules={[
          { required: true, whitespace: true, message: t('reason.required') },
          { min: 2, message: t('reason.tooShort', { min: 2 }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
      </Form.Item>
    </FormModal>
  );
}
