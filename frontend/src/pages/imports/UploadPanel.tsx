import { InboxOutlined } from '@ant-design/icons';
import { App, Flex, Form, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useAgentChoices } from '../../hooks/useChoices';
import { useT } from '../../locales/i18n';

/** Choose the agent, then drop the filled template: the upload starts the dry run. */
export function UploadPanel({
  uploading,
  onUpload,
}: {
  uploading: boolean;
  onUpload: (agentId: number, file: File) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const agents = useAgentChoices(true, true);
  const [agentId, setAgentId] = useState<number | null>(null);

  return (
    <Flex vertical gap={12}>
      <Form layout="vertical" component="div">
        <Form.Item label={t('imports.upload.agent')} required style={{ marginBottom: 0, maxWidth: 360 }}>
          <Select
            value={agentId ?? undefined}
            onChange={setAgentId}
            options={agents.data ?? []}
            loading={agents.isPending}
            placeholder={t('imports.upload.agentPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="import-agent"
          />
        </Form.Item>
      </Form>
      <div data-testid="import-dropzone">
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={uploading}
        beforeUpload={(file) => {
          if (!file.name.toLowerCase().endsWith('.xlsx')) {
            void message.error(t('imports.upload.notXlsx'));
          } else if (agentId === null) {
            void message.warning(t('imports.upload.pickAgent'));
          } else {
            onUpload(agentId, file);
          }
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('imports.upload.drop')}</p>
        <Typography.Text type="secondary" className="ant-upload-hint">
          {t('imports.upload.hint')}
        </Typography.Text>
      </Upload.Dragger>
      </div>
    </Flex>
  );
}
