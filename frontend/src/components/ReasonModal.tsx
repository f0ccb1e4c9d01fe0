import { Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../locales/i18n';

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
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, 'data-testid': `${testId}-ok` }}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      forceRender
      afterClose={() => form.resetFields()}
    >
      <div data-testid={testId}>
        {description ? <div style={{ marginBottom: 16 }}>{description}</div> : null}
        <Form form={form} layout="vertical" onFinish={(values) => onSubmit((values.reason ?? '').trim())}>
          <Form.Item name="reason" label={label} rules={rules} required={minLength > 0}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount autoFocus />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
