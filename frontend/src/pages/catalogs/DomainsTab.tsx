import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useCurrentUser } from '../../app/auth';
import type { ProductDomainPublic } from '../../client';
import {
  catalogCreateProductDomainMutation,
  catalogDeactivateProductDomainMutation,
  catalogMergeProductDomainMutation,
  catalogMoveProductDomainMutation,
  catalogReactivateProductDomainMutation,
  catalogUpdateProductDomainMutation,
} from '../../client/@tanstack/react-query.gen';
import { DomainLookupPanel } from '../../components/DomainLookupPanel';
import { buildDomainTree, filterDomainTree, type DomainNode } from '../../lib/domainTree';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { RowActions, type RowAction } from '../../components/RowActions';
import { TableToolbar } from '../../components/TableToolbar';
import { useProductDomains } from '../../hooks/useCatalog';
import { useT } from '../../locales/i18n';
import { DomainFormModal, type DomainValues } from './DomainFormModal';
import { MergeModal } from './MergeModal';
import { refreshDomains, useAllDomains } from './useCatalogs';

interface DomainRow extends ProductDomainPublic {
  /** Position among its siblings and their number (for the up/down buttons). */
  index: number;
  siblings: number;
  children?: DomainRow[];
}

function toRows(nodes: DomainNode[]): DomainRow[] {
  return nodes.map((node, index) => ({
    ...node.domain,
    index,
    siblings: nodes.length,
    ...(node.domain.parent_id === null ? { children: toRows(node.children) } : {}),
  }));
}

/** 产品领域: the vendor maintains the tree; everyone else reads it (the lookup panel). */
export function DomainsTab() {
  const { access } = useCurrentUser();
  return access.managesCatalogs ? <DomainMaintenance /> : <DomainReading />;
}

function DomainReading() {
  const t = useT();
  const domains = useProductDomains();
  if (domains.isError) return <LoadErrorAlert error={domains.error} onRetry={() => void domains.refetch()} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('catalog.domain.readHint')}</Typography.Paragraph>
      <DomainLookupPanel domains={domains.data ?? []} loading={domains.isLoading} maxHeight={640} />
    </>
  );
}

function DomainMaintenance() {
  const t = useT();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const domains = useAllDomains();
  const refresh = () => refreshDomains(queryClient);
  const create = useMutation({ ...catalogCreateProductDomainMutation(), meta: { silent: true }, onSuccess: refresh });
  const update = useMutation({ ...catalogUpdateProductDomainMutation(), meta: { silent: true }, onSuccess: refresh });
  const move = useMutation({ ...catalogMoveProductDomainMutation(), onSuccess: refresh });
  const deactivate = useMutation({ ...catalogDeactivateProductDomainMutation(), onSuccess: refresh });
  const reactivate = useMutation({ ...catalogReactivateProductDomainMutation(), onSuccess: refresh });
  const merge = useMutation({ ...catalogMergeProductDomainMutation(), onSuccess: refresh });
  const [search, setSearch] = useState('');
  const [form, setForm] = useState<{ editing: ProductDomainPublic | null; parentId: number | null } | null>(null);
  const [merging, setMerging] = useState<ProductDomainPublic | null>(null);
  const [collapsed, setCollapsed] = useState<number[]>([]);

  const all = useMemo(() => domains.data ?? [], [domains.data]);
  const rows = useMemo(() => toRows(filterDomainTree(buildDomainTree(all), search)), [all, search]);
  const expanded = rows.filter((r) => r.children?.length && !collapsed.includes(r.id)).map((r) => r.id);

  const submitForm = (values: DomainValues, onError: (error: unknown) => void) => {
    const done = () => {
      setForm(null);
      void message.success(t('catalog.saved'));
    };
    if (form?.editing) {
      const body = { ...values, ...(values.parent_id === form.editing.parent_id ? { parent_id: undefined } : {}) };
      update.mutate({ path: { domain_id: form.editing.id }, body }, { onSuccess: done, onError });
    } else {
      create.mutate({ body: values }, { onSuccess: done, onError });
    }
  };

  const confirmDeactivate = (domain: ProductDomainPublic) =>
    modal.confirm({
      title: t('catalog.domain.deactivateTitle', { name: domain.name }),
      content: t('catalog.domain.deactivateText'),
      okText: t('catalog.domain.deactivate'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => deactivate.mutateAsync({ path: { domain_id: domain.id } }),
    });

  const actions = (row: DomainRow): RowAction[] => {
    const list: RowAction[] = [
      { key: 'edit', label: t('catalog.domain.edit'), onClick: () => setForm({ editing: row, parentId: row.parent_id }) },
    ];
    if (row.parent_id === null && row.is_active && !row.is_other) {
      list.push({ key: 'child', label: t('catalog.domain.addChild'), onClick: () => setForm({ editing: null, parentId: row.id }) });
    }
    if (!row.is_other && row.is_active) {
      list.push({ key: 'merge', label: t('catalog.domain.merge'), onClick: () => setMerging(row) });
      list.push({ key: 'deactivate', label: t('catalog.domain.deactivate'), danger: true, onClick: () => confirmDeactivate(row) });
    }
    if (!row.is_active) {
      list.push({
        key: 'reactivate',
        label: t('catalog.domain.reactivate'),
        onClick: () => reactivate.mutate({ path: { domain_id: row.id } }),
      });
    }
    return list;
  };

  const columns: ColumnsType<DomainRow> = [
    {
      key: 'name',
      title: t('catalog.domain.name'),
      render: (_, row) => (
        <Space size={4} wrap data-testid="domain-row-name">
          <strong>{row.name}</strong>
          {row.name_en ? <Typography.Text type="secondary">{row.name_en}</Typography.Text> : null}
          {row.is_other ? <Tag>{t('catalog.domain.fallback')}</Tag> : null}
          {row.is_active ? null : <Tag color="default">{t('catalog.domain.inactive')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'products',
      title: t('catalog.domain.products'),
      render: (_, row) => (
        <Typography.Text type={row.typical_products.length ? undefined : 'secondary'}>
          {row.typical_products.length ? row.typical_products.join('、') : '—'}
        </Typography.Text>
      ),
    },
    {
      key: 'order',
      title: t('catalog.domain.order'),
      width: 96,
      render: (_, row) => (
        <Space size={0}>
          <Tooltip title={t('catalog.domain.up')}>
            <Button
              type="text"
              size="small"
              icon={<ArrowUpOutlined />}
              aria-label={`${t('catalog.domain.up')} ${row.name}`}
              disabled={search !== '' || row.index === 0 || move.isPending}
              onClick={() => move.mutate({ path: { domain_id: row.id }, body: { position: row.index - 1 } })}
            />
          </Tooltip>
          <Tooltip title={t('catalog.domain.down')}>
            <Button
              type="text"
              size="small"
              icon={<ArrowDownOutlined />}
              aria-label={`${t('catalog.domain.down')} ${row.name}`}
              disabled={search !== '' || row.index === row.siblings - 1 || move.isPending}
              onClick={() => move.mutate({ path: { domain_id: row.id }, body: { position: row.index + 1 } })}
            />
          </Tooltip>
        </Space>
      ),
    },
    { key: 'actions', title: t('common.actions'), render: (_, row) => <RowActions subject={row.name} actions={actions(row)} /> },
  ];

  return (
    <>
      <TableToolbar search={search} onSearch={setSearch} searchPlaceholder={t('catalog.lookup.search')} searchLabel={t('catalog.lookup.search')}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ editing: null, parentId: null })} data-testid="domain-create">
          {t('catalog.domain.create')}
        </Button>
      </TableToolbar>
      {domains.isError ? <LoadErrorAlert error={domains.error} onRetry={() => void domains.refetch()} /> : null}
      <Table<DomainRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={domains.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="domains-table"
        expandable={{
          expandedRowKeys: expanded,
          onExpand: (open, row) => setCollapsed((prev) => (open ? prev.filter((id) => id !== row.id) : [...prev, row.id])),
        }}
        locale={{ emptyText: domains.isPending ? ' ' : <Empty description={t('catalog.lookup.none')} /> }}
      />
      <DomainFormModal
        open={form !== null}
        editing={form?.editing ?? null}
        parentId={form?.parentId ?? null}
        domains={all}
        loading={create.isPending || update.isPending}
        onSubmit={submitForm}
        onCancel={() => setForm(null)}
      />
      <MergeModal
        source={merging}
        domains={all}
        loading={merge.isPending}
        onCancel={() => setMerging(null)}
        onMerge={(intoId) =>
          merging &&
          merge.mutate(
            { path: { domain_id: merging.id }, body: { into_id: intoId } },
            {
              onSuccess: (result) => {
                setMerging(null);
                void message.success(t('catalog.merge.done', { total: result.total, name: result.target.name }));
              },
            },
          )
        }
      />
    </>
  );
}
