import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Grid, Modal, Typography } from 'antd';
import type { Credentials } from '../client';
import { useT } from '../locales/i18n';
import { formatTime } from '../lib/format';

export interface IssuedCredentials {
  credentials: Credentials;
  username: string;
  displayName: string;
  /** created: a new account; reset: a password reset of an existing one. */
  kind: 'created' | 'reset';
}

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

/**
 * The one-time password and set-password link, shown exactly once after an account is created
 * or its password reset. The server never shows them again.
 */
export function CredentialsModal({ issued, onClose }: { issued: IssuedCredentials | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  if (!issued) return null;
  const narrow = screens.sm === false;
  const { credentials, username, displayName } = issued;

  const copy = (text: string) => {
    copyText(text).then(
      () => void message.success(t('common.copied')),
      () => void message.error(t('credentials.copyFailed')),
    );
  };
  const everything = [
    `${t('user.username')}: ${username}`,
    `${t('credentials.password')}: ${credentials.temporary_password}`,
    `${t('credentials.link')}: ${credentials.set_password_url}`,
    `${t('credentials.expires')}: ${formatTime(credentials.expires_at)}`,
  ].join('\n');

  return (
    <Modal
      open
      title={issued.kind === 'created' ? t('credentials.titleCreated') : t('credentials.titleReset')}
      onCancel={onClose}
      mask={{ closable: false }}
      width={640}
      footer={[
        <Button key="all" icon={<CopyOutlined />} onClick={() => copy(everything)}>
          {t('credentials.copyAll')}
        </Button>,
        <Button key="close" type="primary" onClick={onClose} data-testid="credentials-close">
          {t('credentials.done')}
        </Button>,
      ]}
    >
      <div data-testid="credentials-modal">
      <Alert
        type="warning"
        showIcon
        title={t('credentials.onceTitle')}
        description={t('credentials.onceText', { name: displayName })}
        style={{ marginBottom: 16 }}
      />
      <Descriptions
        column={1}
        bordered
        size="small"
        layout={narrow ? 'vertical' : 'horizontal'}
        styles={narrow ? undefined : { label: { width: 150 } }}
      >
        <Descriptions.Item label={t('user.username')}>
          <Typography.Text code data-testid="credentials-username">
            {username}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('credentials.password')}>
          <Typography.Text code strong data-testid="temporary-password" style={{ fontSize: 15 }}>
            {credentials.temporary_password}
          </Typography.Text>{' '}
          <Button
            size="small"
            icon={<CopyOutlined />}
            onClick={() => copy(credentials.temporary_password)}
            aria-label={t('credentials.copyPassword')}
          >
            {t('common.copy')}
          </Button>
        </Descriptions.Item>
        <Descriptions.Item label={t('credentials.link')}>
          <Typography.Text data-testid="set-password-url" style={{ wordBreak: 'break-all' }}>
            {credentials.set_password_url}
          </Typography.Text>{' '}
          <Button
            size="small"
            icon={<CopyOutlined />}
            onClick={() => copy(credentials.set_password_url)}
            aria-label={t('credentials.copyLink')}
          >
            {t('common.copy')}
          </Button>
        </Descriptions.Item>
        <Descriptions.Item label={t('credentials.expires')}>{formatTime(credentials.expires_at)}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('credentials.howTo')}
      </Typography.Paragraph>
      </div>
    </Modal>
  );
}
