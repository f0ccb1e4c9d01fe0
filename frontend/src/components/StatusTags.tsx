import { Tag } from 'antd';
import type { ApplicationStatus, CustomerStatus, RegistrationKind } from '../client';
import { useT } from '../locales/i18n';

const CUSTOMER_COLORS: Record<CustomerStatus, string> = {
  pending: 'processing',
  protected: 'success',
  released: 'default',
  rejected: 'error',
  withdrawn: 'default',
};

const APPLICATION_COLORS: Record<ApplicationStatus, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export function CustomerStatusTag({ status }: { status: CustomerStatus }) {
  const t = useT();
  return (
    <Tag color={CUSTOMER_COLORS[status]} data-status={status}>
      {t(`customerStatus.${status}`)}
    </Tag>
  );
}

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const t = useT();
  return (
    <Tag color={APPLICATION_COLORS[status]} data-status={status}>
      {t(`applicationStatus.${status}`)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: RegistrationKind }) {
  const t = useT();
  return <Tag color={kind === 'pool' ? 'purple' : 'blue'}>{t(`registrationKind.${kind}`)}</Tag>;
}
