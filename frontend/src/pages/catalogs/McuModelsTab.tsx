import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCurrentUser } from '../../app/auth';
import { catalogPageMcuModels, McuStatus, type McuModelCreate, type McuModelPublic } from '../../client';
import {
  catalogCreateMcuModelMutation,
  catalogDeleteMcuModelMutation,
  catalogPageMcuModelsOptions,
  catalogUpdateMcuModelMutation,
} from '../../client/@tanstack/react-query.gen';
import { FilterSelect } from '../../components/FilterSelect';
import { QueryTable } from '../../components/QueryTable';
import { RowActions } from '../../components/RowActions';
import { ExportMenu } from '../../components/ExportMenu';
import { TableToolbar } from '../../components/TableToolbar';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useTableState } from '../../hooks/useTableState';
import { enumOptions } from '../../lib/enums';
import { useT } from '../../locales/i18n';
import { McuFormModal } from './McuFormModal';
import { McuImportModal } from './McuImportModal';
import { MCU_STATUS_COLOR } from './mcuStatus';
import { refreshModels } from './useCatalogs';

/** Our MCU models: searched, filtered by status, paged; the vendor creates, edits, imports. */
export function McuModelsTab() {
  const t = useT();
  const { access } = useCurrentUser();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<McuStatus | undefined>();
  const q = useDebouncedValue(search.trim());
  const table = useTableState();
  const list = useQuery({
    ...catalogPageMcuModelsOptions({ query: { ...table.query, q: q || undefined, status } }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => refreshModels(queryClient);
  const create = useMutation({ ...catalogCreateMcuModelMutation(), meta: { silent: true }, onSuccess: refresh });
  const update = useMutation({ ...catalogUpdateMcuModelMutation(), meta: { silent: true }, onSuccess: refresh });
  const remove = useMutation({ ...catalogDeleteMcuModelMutation(), onSuccess: refresh });
  const [form, setForm] = useState<{ editing: McuModelPublic | null } | null>(null);
  const [importing, setImporting] = useState(false);

  const submit = (values: McuModelCreate, onError: (error: unknown) => void) => {
    const done = () => {
      setForm(null);
      void message.success(t('catalog.saved'));
    };
    if (form?.editing) update.mutate({ path: { model_id: form.editing.id }, body: values }, { onSuccess: done, onError });
    else create.mutate({ body: values }, { onSuccess: done, onError });
  };
  const confirmRemove = (model: McuModelPublic) =>
    modal.confirm({
      title: t('catalog.mcu.removeTitle', { part: model.part_number }),
      content: t('catalog.mcu.removeText'),
      okText: t('catalog.mcu.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync({ path: { model_id: model.id } }),
    });

  const columns: ColumnsType<McuModelPublic> = [
    { key: 'part_number', title: t('catalog.mcu.partNumber'), render: (_, m) => <strong>{m.part_number}</strong> },
    { key: 'series', title: t('catalog.mcu.series'), dataIndex: 'series' },
    { key: 'core', title: t('catalog.mcu.core'), dataIndex: 'core' },
    {
      key: 'status',
      title: t('catalog.mcu.status'),
      render: (_, m) => <Tag color={MCU_STATUS_COLOR[m.status]}>{t(`catalog.mcu.status.${m.status}`)}</Tag>,
    },
  ];
  if (access.managesCatalogs) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, m) => (
        <RowActions
          subject={m.part_number}
          actions={[
            { key: 'edit', label: t('catalog.mcu.edit'), onClick: () => setForm({ editing: m }) },
            { key: 'remove', label: t('catalog.mcu.remove'), danger: true, onClick: () => confirmRemove(m) },
          ]}
        />
      ),
    });
  }

  return (
    <>
      <TableToolbar
        search={search}
        onSearch={(value) => {
          setSearch(value);
          table.resetPage();
        }}
        searchPlaceholder={t('catalog.mcu.search')}
      >
        <FilterSelect<McuStatus>
          label={t('catalog.mcu.statusFilter')}
          width={180}
          value={status}
          onChange={(value) => {
            setStatus(value);
            table.resetPage();
          }}
          options={enumOptions(McuStatus, (s) => t(`catalog.mcu.status.${s}`))}
          data-testid="mcu-status-filter"
        />
        <ExportMenu
          call={(format) => catalogPageMcuModels({ query: { q: q || undefined, status, format }, parseAs: 'blob', throwOnError: true })}
          name="mcu-models"
          testId="mcu-export"
        />
        {access.managesCatalogs ? (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ editing: null })} data-testid="mcu-create">
              {t('catalog.mcu.create')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="mcu-import">
              {t('catalog.import.open')}
            </Button>
          </>
        ) : null}
      </TableToolbar>
      <QueryTable<McuModelPublic>
        query={list}
        table={table}
        columns={columns}
        size="large"
        empty={t('catalog.mcu.empty')}
        data-testid="mcu-table"
      />
      <McuFormModal
        open={form !== null}
        editing={form?.editing ?? null}
        loading={create.isPending || update.isPending}
        onSubmit={submit}
        onCancel={() => setForm(null)}
      />
      <McuImportModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
