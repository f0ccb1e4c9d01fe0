import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useT } from '../../locales/i18n';
import { useDownload, type DownloadFormat } from './useDesk';

/** Excel and CSV of what the table shows (the whole filtered list, not one page). */
export function DownloadButtons({ fetch, testId, disabled }: { fetch: (format: DownloadFormat) => Promise<void>; testId: string; disabled?: boolean }) {
  const t = useT();
  const { busy, start } = useDownload(fetch);
  return (
    <Space>
      <Button icon={<DownloadOutlined />} loading={busy === 'xlsx'} disabled={disabled} onClick={() => start('xlsx')} data-testid={`${testId}-xlsx`}>
        {t('orders.export.xlsx')}
      </Button>
      <Button icon={<DownloadOutlined />} loading={busy === 'csv'} disabled={disabled} onClick={() => start('csv')} data-testid={`${testId}-csv`}>
        {t('orders.export.csv')}
      </Button>
    </Space>
  );
}
