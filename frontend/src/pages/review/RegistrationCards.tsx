import { Flex, Spin } from 'antd';
import { useState } from 'react';
import type { RegistrationPublic } from '../../client';
import { CustomerDrawer } from '../customer/CustomerDrawer';
import type { QueueItemsProps } from './ApplicationQueue';
import { RegistrationCard } from './RegistrationCard';

/** Pending registrations as cards, each beside its conflict candidates; the customer opens in a drawer. */
export function RegistrationCards({ items, loading, empty, onDecide }: QueueItemsProps<RegistrationPublic>) {
  const [customerId, setCustomerId] = useState<number | null>(null);
  return (
    <>
      <Spin spinning={loading}>
        <Flex vertical gap={16} data-testid="registration-queue">
          {items.map((registration) => (
            <RegistrationCard
              key={registration.id}
              registration={registration}
              onApprove={() => onDecide(registration, 'approve')}
              onReject={() => onDecide(registration, 'reject')}
              onOpenCustomer={() => setCustomerId(registration.customer.id)}
            />
          ))}
          {items.length === 0 ? empty : null}
        </Flex>
      </Spin>
      <CustomerDrawer customerId={customerId} onClose={() => setCustomerId(null)} />
    </>
  );
}
