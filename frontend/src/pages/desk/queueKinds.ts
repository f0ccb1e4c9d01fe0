// The review queue's two kinds of application, read from the desk: the same cards, tables and
// decisions as the review page, over the desk's waiting lists (oldest first, each with its age).
import type { UseQueryResult } from '@tanstack/react-query';
import type { DecisionIn, Desk, ExtensionApproval, ExtensionPublic, RegistrationPublic } from '../../client';
import { useDesk } from '../../hooks/useDesk';
import type { ApplicationListQuery } from '../../lib/applications';
import { pageOf } from '../../lib/desk';
import type { ReviewQueueKind } from '../review/ApplicationQueue';
import { extensionQueue, registrationQueue } from '../review/queueKinds';

type Listed<T> = UseQueryResult<{ items: T[]; total: number }, unknown>;

/** One page of a waiting list the desk holds in full, as the queue's page query answers it. */
function useWaitingPage<T>(query: ApplicationListQuery, pick: (desk: Desk) => T[]): Listed<T> {
  const desk = useDesk();
  const data = desk.data ? pageOf(pick(desk.data), query.limit ?? 10, query.offset ?? 0) : undefined;
  return { ...desk, data } as Listed<T>;
}

function useWaitingRegistrations(query: ApplicationListQuery): Listed<RegistrationPublic> {
  return useWaitingPage(query, (desk) => desk.registrations);
}

function useWaitingExtensions(query: ApplicationListQuery): Listed<ExtensionPublic> {
  return useWaitingPage(query, (desk) => desk.extensions);
}

export const waitingRegistrations: ReviewQueueKind<RegistrationPublic, DecisionIn> = {
  ...registrationQueue,
  usePage: useWaitingRegistrations,
};

export const waitingExtensions: ReviewQueueKind<ExtensionPublic, ExtensionApproval> = {
  ...extensionQueue,
  usePage: useWaitingExtensions,
};
