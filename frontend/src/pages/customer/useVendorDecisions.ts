import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CustomerPublic } from '../../client';
import { customersReleaseCustomerMutation, customersReviewCustomerMutation } from '../../client/@tanstack/react-query.gen';
import { invalidateOperations } from '../../lib/queries';
import { useT } from '../../locales/i18n';

/** The vendor's release (with a reason) and periodic review of a customer. */
export function useVendorDecisions(customer: CustomerPublic | undefined, onDone: () => void) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () =>
    void invalidateOperations(queryClient, 'customersListCustomers', 'customersReadCustomer', 'poolListPool');
  const release = useMutation({
    ...customersReleaseCustomerMutation(),
    onSuccess: () => {
      refresh();
      void message.success(t('customer.released', { name: customer?.name ?? '' }));
      onDone();
    },
  });
  const review = useMutation({
    ...customersReviewCustomerMutation(),
    onSuccess: (updated) => {
      refresh();
      void message.success(
        t(updated.status === 'released' ? 'customer.released' : 'customer.reviewKept', { name: updated.name }),
      );
      onDone();
    },
  });
  return {
    release: (reason: string) => customer && release.mutate({ path: { customer_id: customer.id }, body: { reason } }),
    review: (keep: boolean, reason: string) =>
      customer && review.mutate({ path: { customer_id: customer.id }, body: { keep, reason } }),
    releasing: release.isPending,
    reviewing: review.isPending,
  };
}
