import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Modal, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../../api';
import type { McuImportResult, McuImportRow } from '../../client';
import { catalogImportMcuModelsMutation } from '../../client/@tanstack/react-query.gen';
import { useT, type MessageKey } from '../../locales/i18n';
import { fileAsBase64 } from './mcuStatus';
import { refreshModels } from './useCatalogs';

const ACTION_COLOR: Record<string, string> = { create: 'green', update: 'blue', unchanged: 'default', error: 'red' };

/** Import MCU models from CSV or xlsx: a dry run shows every row's outcome, then one commit. */
export function McuImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [preview, setPreview] = useState<McuImportResult | null>(null);
  const run = useMutation({ ...catalogImportMcuModelsMutation(), meta: { silent: true } });

  const reset = () => {
    setFile(null);
    setPreview(null);
    run.reset();
  };
  const close = () => {
    reset();
    onClose();
  };
  const check = async (chosen: File) => {
    reset();
    const content = await fileAsBase64(chosen);
    setFile({ name: chosen.name, content });
    run.mutate({ body: { filename: chosen.name, content_base64: content, dry_run: true } }, { onSuccess: setPreview });
  };
  const commit = () =>
    file &&
    run.mutate(
      { body: { filename: file.name, content_base64: file.content, dry_run: false } },
      {
        onSuccess: (result) => {
          void refreshModels(queryClient);
          void message.success(t('catalog.import.done', { created: result.created, updated: result.updated }));
          close();
        },
      },
    );

  const columns: ColumnsType<McuImportRow> = [
    { key: 'row', title: t('catalog.import.row'), dataIndex: 'row', width: 64 },
    { key: 'part', title: t('catalog.mcu.partNumber'), dataIndex: 'part_number' },
    { key: 'series', title: t('catalog.mcu.series'), dataIndex: 'series' },
    { key: 'core', title: t('catalog.mcu.core'), dataIndex: 'core' },
    { key: 'status', title: t('catalog.mcu.status'), render: (_, row) => (row.status ? t(`catalog.mcu.status.${row.status}`) : '—') },
    {
      key: 'action',
      title: t('catalog.import.action'),
      render: (_, row) => (
        <Tag color={ACTION_COLOR[row.action] ?? 'default'}>{t(`catalog.import.action.${row.action}` as MessageKey)}</Tag>
      ),
    },
    {
      key: 'errors',
      title: t('catalog.import.errors'),
      render: (_, row) => (
        <Typography.Text type="danger" data-testid="import-row-errors">
          {row.errors.map((e) => e.message).join(' ')}
        </Typography.Text>
      ),
    },
  ];
  const writable = preview !== null && preview.errors === 0 && preview.created + preview.updated > 0;
  return (
    <Modal
      open={open}
      width={880}
      title={t('catalog.import.title')}
      okText={t('catalog.import.commit')}
      okButtonProps={{ disabled: !writable, 'data-testid': 'import-commit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={run.isPending && preview !== null}
      onOk={commit}
      onCancel={close}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('catalog.import.help')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".csv,.xlsx"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(chosen) => {
          void check(chosen);
          return false;
        }}
        data-testid="import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{file ? file.name : t('catalog.import.pick')}</p>
      </Upload.Dragger>
      {run.isError ? <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorText(run.error)} /> : null}
      {preview ? (
        <div style={{ marginTop: 16 }} data-testid="import-preview">
          <Space size={32} wrap style={{ marginBottom: 12 }}>
            <Statistic title={t('catalog.import.action.create')} value={preview.created} />
            <Statistic title={t('catalog.import.action.update')} value={preview.updated} />
            <Statistic title={t('catalog.import.action.unchanged')} value={preview.unchanged} />
            <Statistic title={t('catalog.import.action.error')} value={preview.errors} />
          </Space>
          {preview.errors ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('catalog.import.fixFirst')} /> : null}
          <Table<McuImportRow>
            rowKey="row"
            size="small"
            columns={columns}
            dataSource={preview.rows}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
          />
        </div>
      ) : null}
    </Modal>
  );
}
