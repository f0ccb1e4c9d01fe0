import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../locales/i18n';
import { FormModal } from './FormModal';

export interface ReasonModalProps {
  open: boolean;
  title: ReactNode;
  /** What happens, said before the user confirms. */
  description?: ReactNode;
  label: string;
  /** Minimum length when required (the server's rule); 0 = optional. */
  minLength?: number;
  okText: string;
  danger?: boolean;
  loading?: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
  testId?: string;
}

/** Confirm a decision with a reason (required or optional): approve, reject, release, withdraw… */
export function ReasonModal({
  open,
  title,
  description,
  label,
  minLength = 0,
  okText,
  danger = false,
  loading = false,
  onSubmit,
  onCancel,
  testId = 'reason-modal',
}: ReasonModalProps) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const rules = minLength
    ? [
        { required: true, whitespace: true, message: t('reason.required') },
        { min: minLength, message: t('reason.tooShort', { min: minLength }) },
      ]
    : [];
  return (
    <FormModal<{ reason: string }>
      form={form}
      open={open}
      title={title}
      okText={okText}
      okDanger={danger}
      okTestId={`${testId}-ok`}
      loading={loading}
      onSubmit={(values) => onSubmit((values.reason ?? '').trim())}
      onCancel={onCancel}
      formTestId={testId}
    >
      {/* Inside the form so that the test id covers what is asked and the answer, as before. */}
      {description ? <div style={{ marginBottom: 16 }}>{description}</div> : null}
      <Form.Item name="reason" label={label} rules={rules} required={minLength > 0}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount autoFocus />
      </Form.Item>
    </FormModal>
  );
}
