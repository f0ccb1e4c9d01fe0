import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  extensionsListExtensionsOptions,
  registrationsListRegistrationsOptions,
} from '../../client/@tanstack/react-query.gen';

export const QUEUE_PAGE_SIZE = 10;

/** One page of a pending queue, and its paging. */
function usePaging() {
  const [page, setPage] = useState(1);
  return { page, setPage, query: { status: 'pending' as const, limit: QUEUE_PAGE_SIZE, offset: (page - 1) * QUEUE_PAGE_SIZE } };
}

/** The vendor's two queues: pending registrations and pending extensions (oldest decisions wait). */
export function useReviewQueues() {
  const registrationPaging = usePaging();
  const extensionPaging = usePaging();
  const registrations = useQuery({
    ...registrationsListRegistrationsOptions({ query: registrationPaging.query }),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
  const extensions = useQuery({
    ...extensionsListExtensionsOptions({ query: extensionPaging.query }),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
  return { registrations, registrationPaging, extensions, extensionPaging };
}
