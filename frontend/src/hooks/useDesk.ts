// The caller's desk (工作台): its queues with counts, shared by the side menu and the desk page.
import { useQuery } from '@tanstack/react-query';
import { deskReadDeskOptions } from '../client/@tanstack/react-query.gen';

/** Counts stay fresh while the desk is open in a tab all day: refetched every minute. */
export function useDesk(enabled = true) {
  return useQuery({ ...deskReadDeskOptions(), enabled, refetchInterval: 60_000, meta: { silent: true } });
}
