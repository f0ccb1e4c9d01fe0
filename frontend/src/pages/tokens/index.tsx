import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiTokenCreated, ApiTokenPublic } from '../../client';
import { tokensCreateTokenMutation, tokensListTokensOptions, tokensRevokeTokenMutation } from '../../client/@tanstack/react-query.gen';
import { ContentCard } from '../../components/ContentCard';
import { formatTime } from '../../lib/format';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { invalidateOperations } from '../../lib/queries';
import { RowActions } from '../../components/RowActions';
import { useT } from '../../locales/i18n';
import { TokenCreateModal } from './TokenCreateModal';
import { TokenIssuedModal } from './TokenIssuedModal';
import { tokenState } from './tokenState';

const STATE_COLOR = { active: 'green', revoked: 'default', expired: 'orange' } as const;

/** API令牌 (vendor): tokens for reading the forecast / statistics over the API. */
export default function TokensPage() {
  const t = useT();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useQuery(tokensListTokensOptions());
  const refresh = () => invalidateOperations(queryClient, 'tokensListTokens');
  const create = useMutation({ ...tokensCreateTokenMutation(), meta: { silent: true }, onSuccess: refresh });
  const revoke = useMutation({ ...tokensRevokeTokenMutation(), onSuccess: refresh });
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<ApiTokenCreated | null>(null);

  const confirmRevoke = (token: ApiTokenPublic) =>
    modal.confirm({
      title: t('sales.tokens.revokeTitle', { name: token.name }),
      content: t('sales.tokens.revokeText'),
      okText: t('sales.tokens.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        revoke.mutateAsync({ path: { token_id: token.id } }).then(() => void message.success(t('sales.tokens.revoked.done'))),
    });

  const columns: ColumnsType<ApiTokenPublic> = [
    { key: 'name', title: t('sales.tokens.name'), dataIndex: 'name' },
    { key: 'prefix', title: t('sales.tokens.prefix'), render: (_, tk) => <code>{tk.prefix}…</code> },
    {
      key: 'scopes',
      title: t('sales.tokens.scopes'),
      render: (_, tk) => tk.scopes.map((s) => <Tag key={s}>{s}</Tag>),
    },
    { key: 'created', title: t('common.createdAt'), render: (_, tk) => formatTime(tk.created_at) },
    {
      key: 'expires',
      title: t('sales.tokens.expiresAt'),
      render: (_, tk) => (tk.expires_at ? formatTime(tk.expires_at) : t('sales.tokens.never')),
    },
    {
      key: 'state',
      title: t('sales.tokens.state'),
      render: (_, tk) => {
        const state = tokenState(tk);
        return <Tag color={STATE_COLOR[state]}>{t(`sales.tokens.${state}`)}</Tag>;
      },
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, tk) =>
        tokenState(tk) === 'revoked' ? null : (
          <RowActions subject={tk.name} actions={[{ key: 'revoke', label: t('sales.tokens.revoke'), danger: true, onClick: () => confirmRevoke(tk) }]} />
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('sales.nav.tokens')}
        subtitle={t('sales.tokens.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
            {t('sales.tokens.create')}
          </Button>
        }
      />
      <ContentCard>
        {list.isError ? <LoadErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        <Table<ApiTokenPublic>
          rowKey="id"
          columns={columns}
          dataSource={list.data ?? []}
          loading={list.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="tokens-table"
          locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('sales.tokens.empty')} /> }}
        />
      </ContentCard>
      <TokenCreateModal
        open={creating}
        loading={create.isPending}
        onCancel={() => setCreating(false)}
        onSubmit={(body, onError) =>
          create.mutate(
            { body },
            {
              onSuccess: (token) => {
                setCreating(false);
                setIssued(token);
              },
              onError,
            },
          )
        }
      />
      <TokenIssuedModal issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
