import { App, Button } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { canWithdraw } from '../../app/access';
import { useCurrentUser } from '../../app/auth';
import type { RegistrationPublic } from '../../client';
import { registrationsWithdrawMutation } from '../../client/@tanstack/react-query.gen';
import { invalidateOperations } from '../../lib/queries';
import { useT } from '../../locales/i18n';

/** Withdraw a pending registration, once confirmed (its applicant or their master account). */
export function WithdrawButton({ registration }: { registration: RegistrationPublic }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const { me, access } = useCurrentUser();
  const withdraw = useMutation({
    ...registrationsWithdrawMutation(),
    onSuccess: () => void invalidateOperations(queryClient, 'registrationsListRegistrations', 'customersListCustomers', 'poolListPool'),
  });
  if (!me || !canWithdraw(access, me, registration)) return null;
  const { name } = registration.customer;
  const confirm = () =>
    modal.confirm({
      title: t('applications.withdrawTitle', { name }),
      content: t(registration.kind === 'pool' ? 'applications.withdrawPoolText' : 'applications.withdrawText'),
      okText: t('applications.withdraw'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await withdraw.mutateAsync({ path: { registration_id: registration.id }, body: { reason: '' } });
          void message.success(t('applications.withdrawn', { name }));
        } catch {
          // reported by the global error handler (queryClient.ts)
        }
      },
    });
  return (
    <Button type="link" size="small" danger onClick={confirm} data-testid="registration-withdraw">
      {t('applications.withdraw')}
    </Button>
  );
}
