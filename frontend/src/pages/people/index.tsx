import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useMemo, useState } from 'react';
import { useCurrentUser } from '../../app/auth';
import type { Role, UserPublic } from '../../client';
import { CredentialsModal, type IssuedCredentials } from '../../components/CredentialsModal';
import { ContentCard } from '../../components/ContentCard';
import { ExportMenu } from '../../components/ExportMenu';
import { FilterSelect } from '../../components/FilterSelect';
import { QueryTable } from '../../components/QueryTable';
import { PageHeader } from '../../components/PageHeader';
import { fromStatus, toStatus } from '../../lib/activeStatus';
import { TableToolbar } from '../../components/TableToolbar';
import { useT } from '../../locales/i18n';
import { peopleColumns } from './columns';
import { useAgentChoices } from '../../hooks/useChoices';
import { usePeople } from './usePeople';
import { UserFormModal } from './UserFormModal';
import { useUserActions } from './useUserActions';

/** 人员管理: the vendor manages vendor staff and agent master accounts; a master account its own people. */
export default function PeoplePage() {
  const t = useT();
  const { me, access } = useCurrentUser();
  const { table, search, setSearch, filters, setFilters, query, filtered, exportCall } = usePeople();
  const agents = useAgentChoices(access.seesAllAgents);
  const [form, setForm] = useState<{ open: boolean; editing: UserPublic | null }>({ open: false, editing: null });
  const [issued, setIssued] = useState<IssuedCredentials | null>(null);
  const actions = useUserActions((user, credentials) =>
    setIssued({ credentials, username: user.username, displayName: user.display_name, kind: 'reset' }),
  );

  const columns = useMemo(
    () =>
      me
        ? peopleColumns(t, access, me, table.state.sort, {
            edit: (user) => setForm({ open: true, editing: user }),
            deactivate: actions.confirmDeactivate,
            reactivate: actions.confirmReactivate,
            resetPassword: actions.confirmReset,
          })
        : [],
    [t, access, me, table.state.sort, actions],
  );
  if (!me) return null;

  return (
    <>
      <PageHeader
        title={t('nav.people')}
        subtitle={access.seesAllAgents ? t('people.subtitleVendor') : t('people.subtitleAgent', { agent: me.agent?.name ?? '' })}
        extra={
          access.assignableRoles.length > 0 ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true, editing: null })} data-testid="create-user">
              {t('people.create')}
            </Button>
          ) : null
        }
      />
      <ContentCard>
        <TableToolbar search={search} onSearch={setSearch} searchPlaceholder={t('people.searchPlaceholder')}>
          <FilterSelect<Role>
            label={t('people.filterRole')}
            width={150}
            value={filters.role}
            onChange={(role) => setFilters((f) => ({ ...f, role }))}
            options={access.visibleRoles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          />
          <FilterSelect<'active' | 'inactive'>
            label={t('people.filterStatus')}
            width={130}
            value={toStatus(filters.isActive)}
            onChange={(value) => setFilters((f) => ({ ...f, isActive: fromStatus(value) }))}
            options={[
              { value: 'active', label: t('status.active') },
              { value: 'inactive', label: t('status.inactive') },
            ]}
          />
          {access.seesAllAgents ? (
            <FilterSelect<number>
              showSearch={{ optionFilterProp: 'label' }}
              label={t('people.filterAgent')}
              width={180}
              loading={agents.isLoading}
              value={filters.agentId}
              onChange={(agentId) => setFilters((f) => ({ ...f, agentId }))}
              options={agents.data ?? []}
            />
          ) : null}
          <ExportMenu call={exportCall} name="people" testId="people-export" />
        </TableToolbar>
        <QueryTable<UserPublic>
          query={query}
          table={table}
          columns={columns}
          empty={filtered ? t('common.noMatch') : t('people.empty')}
          data-testid="people-table"
        />
      </ContentCard>
      <UserFormModal
        open={form.open}
        editing={form.editing}
        access={access}
        onClose={() => setForm({ open: false, editing: null })}
        onCreated={(created) => {
          setForm({ open: false, editing: null });
          setIssued({
            credentials: created.credentials,
            username: created.user.username,
            displayName: created.user.display_name,
            kind: 'created',
          });
        }}
      />
      <CredentialsModal issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
