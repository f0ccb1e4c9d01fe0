import { CheckCircleFilled, InfoCircleOutlined } from '@ant-design/icons';
import { Form, Input, Space, Typography } from 'antd';
import { useT } from '../locales/i18n';
import { usePasswordLengths } from '../hooks/usePasswordLengths';
import { confirmPasswordRules, isNameLike, newPasswordRules, passwordLength } from '../lib/passwordRules';

function Hint({ ok, text }: { ok: boolean | null; text: string }) {
  return (
    <Space size={6} align="start">
      {ok ? (
        <CheckCircleFilled style={{ color: '#52c41a' }} aria-hidden />
      ) : (
        <InfoCircleOutlined aria-hidden />
      )}
      <span>{text}</span>
    </Space>
  );
}

/** The rules, shown beside the new password; the ones the typed password meets are ticked. */
export function PasswordRules({ value, username, min }: { value?: string; username?: string; min: number }) {
  const t = useT();
  const typed = value ?? '';
  return (
    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
      <Space orientation="vertical" size={2} data-testid="password-rules">
        <Hint ok={typed ? passwordLength(typed) >= min : null} text={t('password.ruleLength', { min })} />
        <Hint ok={null} text={t('password.ruleNoComposition')} />
        <Hint ok={null} text={t('password.ruleCommon')} />
        {username !== undefined ? (
          <Hint ok={typed ? !isNameLike(typed, username) : null} text={t('password.ruleNotName')} />
        ) : null}
      </Space>
    </Typography.Text>
  );
}

/** New password + confirmation, with the rules as hints. Field names: new_password, confirm_password. */
export function NewPasswordFields({ username, autoFocus = false }: { username?: string; autoFocus?: boolean }) {
  const t = useT();
  const form = Form.useFormInstance();
  const value = Form.useWatch<string | undefined>('new_password', form);
  const lengths = usePasswordLengths();
  return (
    <>
      <Form.Item
        name="new_password"
        label={t('password.new')}
        rules={newPasswordRules(t, username, lengths)}
        extra={<PasswordRules value={value} username={username} min={lengths.min} />}
        hasFeedback
      >
        <Input.Password autoComplete="new-password" autoFocus={autoFocus} data-testid="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm_password"
        label={t('password.confirm')}
        dependencies={['new_password']}
        rules={confirmPasswordRules(t)}
        hasFeedback
      >
        <Input.Password autoComplete="new-password" data-testid="confirm-password" />
      </Form.Item>
    </>
  );
}
