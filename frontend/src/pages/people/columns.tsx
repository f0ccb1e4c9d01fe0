import { Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { canManage, type Access } from '../../app/access';
import type { UserPublic } from '../../client';
import { formatTime } from '../../lib/format';
import { RoleTag, StatusTag } from '../../components/RoleTag';
import { RowActions, type RowAction } from '../../components/RowActions';
import { sortOrderOf } from '../../lib/tablePaging';
import type { Translate } from '../../locales/i18n';

export interface RowActions {
  edit: (user: UserPublic) => void;
  deactivate: (user: UserPublic) => void;
  reactivate: (user: UserPublic) => void;
  resetPassword: (user: UserPublic) => void;
}

export function peopleColumns(
  t: Translate,
  access: Access,
  me: UserPublic,
  sort: string | undefined,
  actions: RowActions,
): ColumnsType<UserPublic> {
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(sort, key) });
  const columns: ColumnsType<UserPublic> = [
    {
      title: t('user.username'),
      dataIndex: 'username',
      ...sortable('username'),
      render: (value: string, user) => (
        <Space size={4}>
          <Typography.Text>{value}</Typography.Text>
          {user.id === me.id ? <Typography.Text type="secondary">{t('people.you')}</Typography.Text> : null}
        </Space>
      ),
    },
    { title: t('user.displayName'), dataIndex: 'display_name', ...sortable('display_name') },
    { title: t('user.role'), dataIndex: 'role', ...sortable('role'), render: (_: unknown, user) => <RoleTag role={user.role} /> },
  ];
  if (access.seesAllAgents) {
    columns.push({ title: t('user.agent'), key: 'agent', render: (_: unknown, user) => user.agent?.name ?? t('people.vendorStaff') });
  }
  columns.push(
    { title: t('user.email'), dataIndex: 'email', ellipsis: true },
    { title: t('user.phone'), dataIndex: 'phone', responsive: ['xxl'], render: (value: string) => value || '—' },
    {
      title: t('common.status'),
      dataIndex: 'is_active',
      render: (_: unknown, user) => (
        <Space size={4} wrap>
          <StatusTag active={user.is_active} />
          {user.must_change_password && user.is_active ? (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('people.pendingFirstLogin')}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: t('user.lastLogin'), dataIndex: 'last_login_at', ...sortable('last_login_at'), render: (v: string | null) => formatTime(v) },
    {
      title: t('common.createdAt'),
      dataIndex: 'created_at',
      responsive: ['xxl'],
      ...sortable('created_at'),
      render: (v: string) => formatTime(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, user) => {
        if (!canManage(access, me, user)) return null;
        const rowActions: RowAction[] = [{ key: 'edit', label: t('common.edit'), onClick: () => actions.edit(user) }];
        if (user.is_active) {
          rowActions.push(
            { key: 'reset', label: t('people.resetPassword'), onClick: () => actions.resetPassword(user) },
            { key: 'deactivate', label: t('people.deactivate'), danger: true, onClick: () => actions.deactivate(user) },
          );
        } else {
          rowActions.push({ key: 'reactivate', label: t('people.reactivate'), onClick: () => actions.reactivate(user) });
        }
        return <RowActions actions={rowActions} subject={user.username} />;
      },
    },
  );
  return columns;
}
