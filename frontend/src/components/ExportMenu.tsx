import { DownOutlined, DownloadOutlined, FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useDownload, type ExportFormat } from '../hooks/useDownload';
import { downloadFile } from '../lib/download';
import { useT } from '../locales/i18n';

/** A generated call with `format` and `parseAs: 'blob'`: the list as the server writes it. */
export type ExportCall = (format: ExportFormat) => Promise<{ data: unknown; response: Response }>;

/**
 * 导出 ▾ Excel / CSV: the whole list as the user filtered and sorted it (every page, not the one
 * shown), fetched through the adapter with the user's token and saved under the server's name.
 */
export function ExportMenu({
  call,
  name,
  testId = 'export',
  disabled,
  size,
}: {
  call: ExportCall;
  /** The file's name when the server gives none (without the extension). */
  name: string;
  testId?: string;
  disabled?: boolean;
  /** 'small' in a card's header. */
  size?: 'small';
}) {
  const t = useT();
  const { busy, start } = useDownload((format) => downloadFile(() => call(format), `${name}.${format}`));
  return (
    <Dropdown
      trigger={['click']}
      disabled={disabled || busy !== null}
      menu={{
        items: [
          { key: 'xlsx', icon: <FileExcelOutlined />, label: t('export.xlsx'), 'data-testid': `${testId}-xlsx` },
          { key: 'csv', icon: <FileTextOutlined />, label: t('export.csv'), 'data-testid': `${testId}-csv` },
        ],
        onClick: ({ key }) => start(key as ExportFormat),
      }}
    >
      <Button icon={<DownloadOutlined />} size={size} loading={busy !== null} data-testid={testId}>
        {t('export.menu')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
