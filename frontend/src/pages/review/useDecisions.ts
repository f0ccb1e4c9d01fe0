import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  extensionsApproveExtensionMutation,
  extensionsRejectExtensionMutation,
  registrationsApproveMutation,
  registrationsRejectMutation,
} from '../../client/@tanstack/react-query.gen';
import { invalidateOperations, type QueryOperationId } from '../../lib/queries';
import { useT } from '../../locales/i18n';

const AFFECTED: QueryOperationId[] = [
  'registrationsListRegistrations',
  'extensionsListExtensions',
  'customersListCustomers',
  'customersReadCustomer',
  'poolListPool',
];

/** The vendor's decisions on applications; each refreshes the queues and customer lists. */
export function useDecisions(onDone: () => void) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const done = (text: string) => {
    void invalidateOperations(queryClient, ...AFFECTED);
    void message.success(text);
    onDone();
  };
  const approveRegistration = useMutation({
    ...registrationsApproveMutation(),
    onSuccess: (r) => done(t('review.approved', { name: r.customer.name })),
  });
  const rejectRegistration = useMutation({
    ...registrationsRejectMutation(),
    onSuccess: (r) => done(t('review.rejected', { name: r.customer.name })),
  });
  const approveExtension = useMutation({
    ...extensionsApproveExtensionMutation(),
    onSuccess: (e) => done(t('review.extended', { name: e.customer.name })),
  });
  const rejectExtension = useMutation({
    ...extensionsRejectExtensionMutation(),
    onSuccess: (e) => done(t('review.extensionRejected', { name: e.customer.name })),
  });
  return { approveRegistration, rejectRegistration, approveExtension, rejectExtension };
}
