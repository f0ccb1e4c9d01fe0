import { App, Button } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { canWithdraw } from '../../app/access';
import { useCurrentUser } from '../../app/auth';
import type { RegistrationPublic } from '../../client';
import {
  registrationsListRegistrationsOptions,
  registrationsWithdrawMutation,
} from '../../client/@tanstack/react-query.gen';
import { CustomerBriefCell } from '../../components/CustomerBriefCell';
import { formatTime } from '../../lib/format';
import { QueryTable } from '../../components/QueryTable';
import { invalidateOperations } from '../../lib/queries';
import { ApplicationStatusTag, KindTag } from '../../components/StatusTags';
import { useT } from '../../locales/i18n';
import { ApplicationToolbar } from './ApplicationToolbar';
import { Decision } from './Decision';
import { useApplicationFilters } from './useApplicationFilters';

/** Registration applications the caller may see, newest first; pending ones can be withdrawn. */
export function RegistrationsTab() {
  const t = useT();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const { me, access } = useCurrentUser();
  const { table, filters, setFilters, query: params, filtered } = useApplicationFilters();
  const query = useQuery({
    ...registrationsListRegistrationsOptions({ query: { ...params, kind: filters.kind } }),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
  const withdraw = useMutation({
    ...registrationsWithdrawMutation(),
    onSuccess: () => void invalidateOperations(queryClient, 'registrationsListRegistrations', 'customersListCustomers', 'poolListPool'),
  });
  const confirmWithdraw = (r: RegistrationPublic) =>
    modal.confirm({
      title: t('applications.withdrawTitle', { name: r.customer.name }),
      content: t(r.kind === 'pool' ? 'applications.withdrawPoolText' : 'applications.withdrawText'),
      okText: t('applications.withdraw'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await withdraw.mutateAsync({ path: { registration_id: r.id }, body: { reason: '' } });
          void message.success(t('applications.withdrawn', { name: r.customer.name }));
        } catch {
          // reported by the global error handler (queryClient.ts)
        }
      },
    });

  const columns: ColumnsType<RegistrationPublic> = [
    {
      title: t('customer.name'),
      key: 'customer',
      render: (_: unknown, r) => <CustomerBriefCell customer={r.customer} />,
    },
    { title: t('applications.kind'), dataIndex: 'kind', render: (_: unknown, r) => <KindTag kind={r.kind} /> },
    { title: t('common.status'), dataIndex: 'status', render: (_: unknown, r) => <ApplicationStatusTag status={r.status} /> },
    { title: t('applications.applicant'), key: 'applicant', render: (_: unknown, r) => r.applicant.display_name },
    ...(access.seesAllAgents
      ? [{ title: t('customer.agent'), key: 'agent', render: (_: unknown, r: RegistrationPublic) => r.agent.name }]
      : []),
    { title: t('applications.createdAt'), dataIndex: 'created_at', render: (v: string) => formatTime(v) },
    {
      title: t('applications.decision'),
      key: 'decision',
      render: (_: unknown, r) => <Decision by={r.decided_by} at={r.decided_at} reason={r.decision_reason} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, r) =>
        me && canWithdraw(access, me, r) ? (
          <Button type="link" size="small" danger onClick={() => confirmWithdraw(r)} data-testid="registration-withdraw">
            {t('applications.withdraw')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <ApplicationToolbar filters={filters} setFilters={setFilters} withKind />
      <QueryTable<RegistrationPublic>
        query={query}
        table={table}
        columns={columns}
        empty={filtered ? t('common.noMatch') : t('applications.emptyRegistrations')}
        data-testid="registrations-table"
      />
    </>
  );
}
