import { Alert, Button, Form, Result, Skeleton, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../../api';
import { useSignIn } from '../../app/auth';
import {
  authSetPasswordLinkOptions,
  authSetPasswordMutation,
} from '../../client/@tanstack/react-query.gen';
import { formatTime } from '../../lib/format';
import { NewPasswordFields } from '../../components/PasswordFields';
import { reportFieldErrors } from '../../lib/serverErrors';
import { useT } from '../../locales/i18n';
import { AuthCard } from '../AuthCard';

interface Values {
  new_password: string;
  confirm_password: string;
}

/** /set-password?token=… : choose a password with a one-time link, then land signed in. */
export default function SetPasswordPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [form] = Form.useForm<Values>();
  const link = useQuery({
    ...authSetPasswordLinkOptions({ query: { token } }),
    enabled: token.length >= 10,
    retry: false,
    meta: { silent: true },
  });
  const setPassword = useMutation({
    ...authSetPasswordMutation(),
    meta: { silent: true },
    onSuccess: (answer) => {
      signIn(answer);
      navigate('/', { replace: true });
    },
    onError: reportFieldErrors(form),
  });

  if (token.length < 10 || link.isError) {
    return (
      <AuthCard title={t('setPassword.title')}>
        <Result
          status="warning"
          title={t('setPassword.invalidTitle')}
          subTitle={link.isError ? errorText(link.error) : t('setPassword.invalidText')}
          extra={
            <Link to="/login">
              <Button type="primary">{t('setPassword.toLogin')}</Button>
            </Link>
          }
        />
      </AuthCard>
    );
  }
  if (link.isPending) {
    return (
      <AuthCard title={t('setPassword.title')}>
        <Skeleton active />
      </AuthCard>
    );
  }
  const info = link.data;
  return (
    <AuthCard title={t('setPassword.title')} width={520}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('setPassword.forAccount', { name: info.display_name, username: info.username })}
        description={t('setPassword.expires', { time: formatTime(info.expires_at) })}
        data-testid="set-password-account"
      />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => setPassword.mutate({ body: { token, new_password: values.new_password } })}
      >
        <NewPasswordFields username={info.username} autoFocus />
        <Button type="primary" htmlType="submit" block loading={setPassword.isPending} data-testid="set-password-submit">
          {t('setPassword.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        <Link to="/login">{t('setPassword.toLogin')}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
