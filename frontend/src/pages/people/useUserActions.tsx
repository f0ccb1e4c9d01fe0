import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Credentials, UserPublic } from '../../client';
import {
  usersDeactivateUserMutation,
  usersReactivateUserMutation,
  usersResetPasswordMutation,
} from '../../client/@tanstack/react-query.gen';
import { invalidateOperations } from '../../lib/queries';
import { useT } from '../../locales/i18n';

/** Run a confirmed action; a failure is already shown by the MutationCache, so the dialog just closes. */
async function quietly(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch {
    // reported by the global error handler (queryClient.ts)
  }
}

/** Deactivate, reactivate and reset password — each after a confirmation. */
export function useUserActions(onReset: (user: UserPublic, credentials: Credentials) => void) {
  const t = useT();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () => void invalidateOperations(queryClient, 'usersListUsers', 'usersReadUser');

  const deactivate = useMutation({ ...usersDeactivateUserMutation(), onSuccess: refresh });
  const reactivate = useMutation({ ...usersReactivateUserMutation(), onSuccess: refresh });
  const reset = useMutation({ ...usersResetPasswordMutation() });

  const confirmDeactivate = (user: UserPublic) =>
    modal.confirm({
      title: t('people.deactivateTitle', { name: user.display_name }),
      content: t('people.deactivateText'),
      okText: t('people.deactivate'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        quietly(async () => {
          await deactivate.mutateAsync({ path: { user_id: user.id } });
          void message.success(t('people.deactivated', { name: user.display_name }));
        }),
    });

  const confirmReactivate = (user: UserPublic) =>
    modal.confirm({
      title: t('people.reactivateTitle', { name: user.display_name }),
      content: t('people.reactivateText'),
      okText: t('people.reactivate'),
      cancelText: t('common.cancel'),
      onOk: () =>
        quietly(async () => {
          await reactivate.mutateAsync({ path: { user_id: user.id } });
          void message.success(t('people.reactivated', { name: user.display_name }));
        }),
    });

  const confirmReset = (user: UserPublic) =>
    modal.confirm({
      title: t('people.resetTitle', { name: user.display_name }),
      content: t('people.resetText'),
      okText: t('people.resetPassword'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        quietly(async () => {
          const credentials = await reset.mutateAsync({ path: { user_id: user.id } });
          refresh();
          onReset(user, credentials);
        }),
    });

  return { confirmDeactivate, confirmReactivate, confirmReset };
}
