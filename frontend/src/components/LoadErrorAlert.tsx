import { Alert, Button } from 'antd';
import { errorText } from '../api';
import { useT } from '../locales/i18n';

/** A failed list load above its table, with a retry button (the stale rows stay visible). */
export function LoadErrorAlert({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(error)}
      action={
        <Button size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
