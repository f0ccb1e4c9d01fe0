// Choices for pickers: agents (vendor filters) and an agent's active people by role.
import { useQuery } from '@tanstack/react-query';
import type { Role } from '../client';
import { agentsListAgentsOptions, usersListUsersOptions } from '../client/@tanstack/react-query.gen';

/** Agents to pick from (vendor only): filters and the create-account form. */
export function useAgentChoices(enabled: boolean, onlyActive = false) {
  return useQuery({
    ...agentsListAgentsOptions({ query: { limit: 200, sort: 'name', is_active: onlyActive ? true : undefined } }),
    enabled,
    staleTime: 60_000,
    select: (page) => page.items.map((agent) => ({ value: agent.id, label: agent.name, disabled: !agent.is_active })),
  });
}

/** Active salespeople or FAEs the caller can see (a master account: its own agent's). */
export function usePeopleChoices(role: Extract<Role, 'sales' | 'fae'>, enabled: boolean) {
  return useQuery({
    ...usersListUsersOptions({ query: { role, is_active: true, limit: 200, sort: 'display_name' } }),
    enabled,
    staleTime: 60_000,
    select: (page) => page.items.map((user) => ({ value: user.id, label: user.display_name })),
  });
}
