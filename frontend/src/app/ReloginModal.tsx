// SPEC §4: when the session ends under the user (the refresh is refused), the page stays where it
// is; this dialog signs the same user in again and the waiting calls are replayed (adapter.ts),
// so the action they clicked completes. Cancelling signs out; form drafts stay.
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { errorText, registerRelogin, sessionStore } from '../api';
import { authLogin } from '../client';
import { useT } from '../locales/i18n';
import { useMe } from './auth';

interface Values {
  password: string;
}

export function ReloginModal() {
  const t = useT();
  const username = useMe().data?.username ?? '';
  const usernameRef = useRef(username);
  useEffect(() => {
    if (username) usernameRef.current = username;
  }, [username]);
  const [form] = Form.useForm<Values>();
  const [resolve, setResolve] = useState<((ok: boolean) => void) | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(
    () =>
      registerRelogin(() =>
        usernameRef.current
          ? new Promise<boolean>((done) => setResolve(() => done))
          : Promise.resolve(false),
      ),
    [],
  );

  const finish = (ok: boolean) => {
    resolve?.(ok);
    setResolve(null);
    setError(null);
    form.resetFields();
  };

  const submit = async ({ password }: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      const { data } = await authLogin({ body: { username: usernameRef.current, password }, throwOnError: true });
      sessionStore.signIn(data);
      finish(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={resolve !== null}
      title={t('resilience.relogin.title')}
      okText={t('resilience.relogin.submit')}
      cancelText={t('resilience.relogin.cancel')}
      onOk={() => form.submit()}
      onCancel={() => finish(false)}
      confirmLoading={submitting}
      maskClosable={false}
      destroyOnHidden
      forceRender
      okButtonProps={{ 'data-testid': 'relogin-submit' }}
      data-testid="relogin-modal"
    >
      <Typography.Paragraph type="secondary">{t('resilience.relogin.text')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item label={t('login.account')} htmlFor="relogin-username">
          <Input id="relogin-username" value={username} disabled autoComplete="username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password autoFocus autoComplete="current-password" data-testid="relogin-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
