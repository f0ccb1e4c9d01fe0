import type { DecisionIn, RegistrationPublic } from '../../client';
import { ReasonModal } from '../../components/ReasonModal';
import { useT } from '../../locales/i18n';
import type { ApproveModalProps } from './ApplicationQueue';

/** Approve a registration, with an optional note: the customer becomes protected. */
export function RegistrationApproveModal({ target, loading, onSubmit, onCancel }: ApproveModalProps<RegistrationPublic, DecisionIn>) {
  const t = useT();
  return (
    <ReasonModal
      open={!!target}
      title={t('review.approveTitle', { name: target?.customer.name ?? '' })}
      description={t('review.approveText')}
      label={t('review.note')}
      okText={t('review.approve')}
      loading={loading}
      onSubmit={(reason) => onSubmit({ reason })}
      onCancel={onCancel}
      testId="decision-modal"
    />
  );
}
