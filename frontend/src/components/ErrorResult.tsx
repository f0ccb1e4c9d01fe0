import { Button, Result } from 'antd';
import { errorText } from '../api';
import { useT } from '../locales/i18n';

/** A failed load, with its message and a retry button. */
export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <Result
      status="warning"
      title={t('error.loadFailed')}
      subTitle={errorText(error)}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
