import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { errorText } from '../../api';
import { useSignIn } from '../../app/auth';
import { authLoginMutation } from '../../client/@tanstack/react-query.gen';
import { useT } from '../../locales/i18n';
import { AuthCard } from '../AuthCard';

interface LoginForm {
  username: string;
  password: string;
}

/** Sign in with login name (or email) and password; Enter submits. */
export default function LoginPage() {
  const t = useT();
  const [form] = Form.useForm<LoginForm>();
  const signIn = useSignIn();
  const login = useMutation({
    ...authLoginMutation(),
    meta: { silent: true },
    onSuccess: (token) => signIn(token),
    onError: () => form.setFieldValue('password', ''),
  });

  return (
    <AuthCard title={t('login.title')}>
      <Form<LoginForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => login.mutate({ body: { username: values.username.trim(), password: values.password } })}
        onValuesChange={() => login.isError && login.reset()}
      >
        {login.isError ? (
          <Alert type="error" showIcon title={errorText(login.error)} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />
        ) : null}
        <Form.Item name="username" label={t('login.account')} rules={[{ required: true, whitespace: true, message: t('login.accountRequired') }]}>
          <Input prefix={<UserOutlined />} placeholder={t('login.accountPlaceholder')} autoComplete="username" autoFocus size="large" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
