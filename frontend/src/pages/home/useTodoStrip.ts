import { useQuery } from '@tanstack/react-query';
import type { TodoStrip } from '../../client';
import { customersReadTodoOptions } from '../../client/@tanstack/react-query.gen';

/** The caller's to-do counts, fresh on every visit (reading a comment elsewhere changes them). */
export function useTodoStrip(): TodoStrip | undefined {
  return useQuery({ ...customersReadTodoOptions(), staleTime: 0, meta: { silent: true } }).data;
}
