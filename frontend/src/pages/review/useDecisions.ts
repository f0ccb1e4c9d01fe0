import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RejectionIn } from '../../client';
import type { Application } from '../../lib/applications';
import { invalidateOperations, type QueryOperationId } from '../../lib/queries';
import { useT } from '../../locales/i18n';
import type { ReviewQueueKind } from './ApplicationQueue';

const AFFECTED: QueryOperationId[] = [
  'registrationsListRegistrations',
  'extensionsListExtensions',
  'customersListCustomers',
  'customersReadCustomer',
  'poolListPool',
  'deskReadDesk',
];

/** The vendor's approval and rejection of one kind of application; each refreshes the queues and customer lists. */
export function useDecisions<T extends Application, Approval>(kind: ReviewQueueKind<T, Approval>, onDone: () => void) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const done = (text: string) => {
    void invalidateOperations(queryClient, ...AFFECTED);
    void message.success(text);
    onDone();
  };
  const approve = useMutation({
    mutationFn: ({ id, approval }: { id: number; approval: Approval }) => kind.approve(id, approval),
    onSuccess: (decided) => done(t(kind.text.approved, { name: decided.customer.name })),
  });
  const reject = useMutation({
    mutationFn: ({ id, rejection }: { id: number; rejection: RejectionIn }) => kind.reject(id, rejection),
    onSuccess: (decided) => done(t(kind.text.rejected, { name: decided.customer.name })),
  });
  return { approve, reject };
}
