import { Alert, Button, Modal, Typography } from 'antd';
import type { ApiTokenCreated } from '../../client';
import { useT } from '../../locales/i18n';
import { curlExample } from './tokenState';

/** The new token, shown exactly once (the server keeps only its hash), with a curl example. */
export function TokenIssuedModal({ issued, onClose }: { issued: ApiTokenCreated | null; onClose: () => void }) {
  const t = useT();
  if (!issued) return null;
  const curl = curlExample(window.location.origin, issued.token, issued.scopes);
  return (
    <Modal
      open
      title={t('sales.tokens.issuedTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      width={680}
      footer={
        <Button type="primary" onClick={onClose} data-testid="token-issued-close">
          {t('sales.tokens.done')}
        </Button>
      }
    >
      <div data-testid="token-issued">
        <Alert type="warning" showIcon title={t('sales.tokens.onceTitle')} description={t('sales.tokens.onceText')} style={{ marginBottom: 16 }} />
        <Typography.Text strong>{t('sales.tokens.token')}</Typography.Text>
        <Typography.Paragraph code copyable={{ text: issued.token }} style={{ wordBreak: 'break-all' }} data-testid="token-value">
          {issued.token}
        </Typography.Paragraph>
        <Typography.Text strong>{t('sales.tokens.curl')}</Typography.Text>
        <Typography.Paragraph
          copyable={{ text: curl }}
          style={{ fontFamily: 'monospace', background: '#f5f5f5', padding: 8, borderRadius: 6, wordBreak: 'break-all' }}
          data-testid="token-curl"
        >
          {curl}
        </Typography.Paragraph>
      </div>
    </Modal>
  );
}
