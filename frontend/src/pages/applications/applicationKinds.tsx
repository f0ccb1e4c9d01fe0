// Each kind of application on the applications page: its list and its own columns.
import type { ExtensionPublic, RegistrationPublic } from '../../client';
import { KindTag } from '../../components/StatusTags';
import { exportExtensions, exportRegistrations, useExtensionPage, useRegistrationPage } from '../../hooks/useApplicationPage';
import { formatDate } from '../../lib/format';
import type { ApplicationsTabKind } from './ApplicationsTab';
import { WithdrawButton } from './WithdrawButton';

/** New-customer and pool registrations: the kind, the agent (vendor), withdraw while pending. */
export const registrationsTab: ApplicationsTabKind<RegistrationPublic> = {
  usePage: useRegistrationPage,
  exportList: exportRegistrations,
  exportName: 'registrations',
  filtersByKind: true,
  emptyText: 'applications.emptyRegistrations',
  testId: 'registrations-table',
  columns: (shared, t, access) => [
    shared.customer,
    { title: t('applications.kind'), dataIndex: 'kind', render: (_: unknown, r) => <KindTag kind={r.kind} /> },
    shared.status,
    shared.applicant,
    ...(access.seesAllAgents ? [{ title: t('customer.agent'), key: 'agent', render: (_: unknown, r: RegistrationPublic) => r.agent.name }] : []),
    shared.createdAt,
    shared.decision(),
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, r) => <WithdrawButton registration={r} />,
    },
  ],
};

/** Extensions: the end of protection when asked, the date hoped for, why; the new end decided. */
export const extensionsTab: ApplicationsTabKind<ExtensionPublic> = {
  usePage: useExtensionPage,
  exportList: exportExtensions,
  exportName: 'extensions',
  filtersByKind: false,
  emptyText: 'applications.emptyExtensions',
  testId: 'extensions-table',
  columns: (shared, t) => [
    shared.customer,
    shared.status,
    shared.applicant,
    { title: t('applications.endAtRequest'), dataIndex: 'protection_until_at_request', render: (v: string) => formatDate(v) },
    { title: t('extension.requestedUntil'), dataIndex: 'requested_until', render: (v: string | null) => formatDate(v) },
    {
      title: t('extension.reason'),
      dataIndex: 'reason',
      render: (v: string) => <div style={{ minWidth: 160, maxWidth: 300, whiteSpace: 'pre-wrap' }}>{v}</div>,
    },
    shared.createdAt,
    shared.decision((e) => (e.decided_until ? t('applications.extendedTo', { date: formatDate(e.decided_until) }) : undefined)),
  ],
};
