// The columns every application list shows; each kind places them among its own.
import type { ColumnType } from 'antd/es/table';
import { ApplicationStatusTag } from '../../components/StatusTags';
import { CustomerBriefCell } from '../../components/CustomerBriefCell';
import type { Application } from '../../lib/applications';
import { formatTime } from '../../lib/format';
import type { Translate } from '../../locales/i18n';
import { Decision } from './Decision';

export function applicationColumns<T extends Application>(t: Translate) {
  const customer: ColumnType<T> = {
    title: t('customer.name'),
    key: 'customer',
    render: (_: unknown, a) => <CustomerBriefCell customer={a.customer} />,
  };
  const status: ColumnType<T> = {
    title: t('common.status'),
    dataIndex: 'status',
    render: (_: unknown, a) => <ApplicationStatusTag status={a.status} />,
  };
  const applicant: ColumnType<T> = {
    title: t('applications.applicant'),
    key: 'applicant',
    render: (_: unknown, a) => a.applicant.display_name,
  };
  const createdAt: ColumnType<T> = {
    title: t('applications.createdAt'),
    dataIndex: 'created_at',
    render: (v: string) => formatTime(v),
  };
  /** Who decided, when and why; `outcome` adds what the decision set (an extension's new end). */
  const decision = (outcome?: (a: T) => string | undefined): ColumnType<T> => ({
    title: t('applications.decision'),
    key: 'decision',
    render: (_: unknown, a) => (
      <Decision by={a.decided_by} at={a.decided_at} reason={a.decision_reason} extra={outcome?.(a)} />
    ),
  });
  return { customer, status, applicant, createdAt, decision };
}

export type ApplicationColumns<T extends Application> = ReturnType<typeof applicationColumns<T>>;
