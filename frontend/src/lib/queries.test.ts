import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { customersListCustomersQueryKey, poolListPoolQueryKey } from '../client/@tanstack/react-query.gen';
import { invalidateOperations, type QueryOperationId } from './queries';

describe('invalidateOperations', () => {
  it('names operations by the id their generated query keys carry', () => {
    const id: QueryOperationId = 'customersListCustomers';
    expect(customersListCustomersQueryKey()[0]._id).toBe(id);
  });

  it('marks every cached answer of the named operations stale, and only those', async () => {
    const queryClient = new QueryClient();
    const customers = customersListCustomersQueryKey({ query: { limit: 20 } });
    const pool = poolListPoolQueryKey();
    queryClient.setQueryData(customers, { items: [], total: 0 });
    queryClient.setQueryData(pool, { items: [], total: 0 });
    await invalidateOperations(queryClient, 'customersListCustomers');
    expect(queryClient.getQueryState(customers)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(pool)?.isInvalidated).toBe(false);
  });
});
