import { Button, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useSignIn } from '../app/auth';
import { authChangePasswordMutation } from '../client/@tanstack/react-query.gen';
import { useT } from '../locales/i18n';
import { NewPasswordFields } from './PasswordFields';
import { reportFieldErrors } from '../lib/serverErrors';

interface Values {
  current_password: string;
  new_password: string;
  confirm_password: string;
}

/** Current password, new and confirmation. On success the new tokens replace the old ones. */
export function ChangePasswordForm({
  username,
  currentLabel,
  submitLabel,
  autoFocus = false,
  onDone,
}: {
  username: string;
  currentLabel?: string;
  submitLabel?: string;
  autoFocus?: boolean;
  onDone?: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const signIn = useSignIn();
  const change = useMutation({
    ...authChangePasswordMutation(),
    meta: { silent: true },
    onSuccess: (token) => {
      signIn(token, true);
      form.resetFields();
      onDone?.();
    },
    onError: reportFieldErrors(form),
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) =>
        change.mutate({ body: { current_password: values.current_password, new_password: values.new_password } })
      }
    >
      <Form.Item
        name="current_password"
        label={currentLabel ?? t('password.current')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" autoFocus={autoFocus} data-testid="current-password" />
      </Form.Item>
      <NewPasswordFields username={username} />
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="change-password-submit">
        {submitLabel ?? t('password.change')}
      </Button>
    </Form>
  );
}
