import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { agentsListAgents, type AgentPublic } from '../../client';
import {
  agentsDeactivateAgentMutation,
  agentsListAgentsOptions,
  agentsReactivateAgentMutation,
} from '../../client/@tanstack/react-query.gen';
import { CredentialsModal, type IssuedCredentials } from '../../components/CredentialsModal';
import { formatTime } from '../../lib/format';
import { ContentCard } from '../../components/ContentCard';
import { ExportMenu } from '../../components/ExportMenu';
import { QueryTable } from '../../components/QueryTable';
import { PageHeader } from '../../components/PageHeader';
import { invalidateOperations } from '../../lib/queries';
import { StatusTag } from '../../components/RoleTag';
import { RowActions } from '../../components/RowActions';
import { fromStatus, toStatus } from '../../lib/activeStatus';
import { TableToolbar } from '../../components/TableToolbar';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useTableState } from '../../hooks/useTableState';
import { sortOrderOf } from '../../lib/tablePaging';
import { useT } from '../../locales/i18n';
import { AgentFormModal } from './AgentFormModal';

/** 代理商 (vendor): agent companies, each created with its master account. */
export default function AgentsPage() {
  const t = useT();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const table = useTableState({ sort: 'name' });
  const [search, setSearch] = useState('');
  const [isActive, setIsActive] = useState<boolean | undefined>(undefined);
  const debouncedSearch = useDebouncedValue(search.trim());
  const [form, setForm] = useState<{ open: boolean; editing: AgentPublic | null }>({ open: false, editing: null });
  const [issued, setIssued] = useState<IssuedCredentials | null>(null);
  const { resetPage } = table;
  useEffect(() => resetPage(), [debouncedSearch, isActive, resetPage]);

  const query = useQuery({
    ...agentsListAgentsOptions({ query: { ...table.query, search: debouncedSearch || undefined, is_active: isActive } }),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
  const refresh = () => void invalidateOperations(queryClient, 'agentsListAgents', 'agentsReadAgent', 'usersListUsers');
  const deactivate = useMutation({ ...agentsDeactivateAgentMutation(), onSuccess: refresh });
  const reactivate = useMutation({ ...agentsReactivateAgentMutation(), onSuccess: refresh });

  const confirmActive = (agent: AgentPublic, active: boolean) =>
    modal.confirm({
      title: t(active ? 'agents.reactivateTitle' : 'agents.deactivateTitle', { name: agent.name }),
      content: t(active ? 'agents.reactivateText' : 'agents.deactivateText'),
      okText: t(active ? 'people.reactivate' : 'people.deactivate'),
      okButtonProps: { danger: !active },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await (active ? reactivate : deactivate).mutateAsync({ path: { agent_id: agent.id } });
          void message.success(t(active ? 'people.reactivated' : 'people.deactivated', { name: agent.name }));
        } catch {
          // reported by the global error handler (queryClient.ts)
        }
      },
    });

  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(table.state.sort, key) });
  const columns: ColumnsType<AgentPublic> = [
    { title: t('agents.name'), dataIndex: 'name', ...sortable('name') },
    { title: t('agents.contactName'), dataIndex: 'contact_name', render: (v: string) => v || '—' },
    { title: t('agents.contactPhone'), dataIndex: 'contact_phone', render: (v: string) => v || '—' },
    { title: t('agents.contactEmail'), dataIndex: 'contact_email', ellipsis: true, render: (v: string) => v || '—' },
    { title: t('agents.address'), dataIndex: 'address', ellipsis: true, render: (v: string) => v || '—' },
    { title: t('common.status'), dataIndex: 'is_active', render: (v: boolean) => <StatusTag active={v} /> },
    { title: t('common.createdAt'), dataIndex: 'created_at', ...sortable('created_at'), render: (v: string) => formatTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, agent) => (
        <RowActions
          subject={agent.name}
          actions={[
            { key: 'edit', label: t('common.edit'), onClick: () => setForm({ open: true, editing: agent }) },
            agent.is_active
              ? { key: 'deactivate', label: t('people.deactivate'), danger: true, onClick: () => confirmActive(agent, false) }
              : { key: 'reactivate', label: t('people.reactivate'), onClick: () => confirmActive(agent, true) },
          ]}
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.agents')}
        subtitle={t('agents.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true, editing: null })} data-testid="create-agent">
            {t('agents.create')}
          </Button>
        }
      />
      <ContentCard>
        <TableToolbar search={search} onSearch={setSearch} searchPlaceholder={t('agents.searchPlaceholder')}>
          <Select<'active' | 'inactive'>
            allowClear
            placeholder={t('people.filterStatus')}
            aria-label={t('people.filterStatus')}
            style={{ width: 130 }}
            value={toStatus(isActive)}
            onChange={(value) => setIsActive(fromStatus(value))}
            options={[
              { value: 'active', label: t('status.active') },
              { value: 'inactive', label: t('status.inactive') },
            ]}
          />
          <ExportMenu
            call={(format) =>
              agentsListAgents({
                query: { search: debouncedSearch || undefined, is_active: isActive, sort: table.query.sort, format },
                parseAs: 'blob',
                throwOnError: true,
              })
            }
            name="agents"
            testId="agents-export"
          />
        </TableToolbar>
        <QueryTable<AgentPublic>
          query={query}
          table={table}
          columns={columns}
          empty={debouncedSearch || isActive !== undefined ? t('common.noMatch') : t('agents.empty')}
        />
      </ContentCard>
      <AgentFormModal
        open={form.open}
        editing={form.editing}
        onClose={() => setForm({ open: false, editing: null })}
        onCreated={(created) => {
          setForm({ open: false, editing: null });
          setIssued({
            credentials: created.credentials,
            username: created.admin.username,
            displayName: created.admin.display_name,
            kind: 'created',
          });
        }}
      />
      <CredentialsModal issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
