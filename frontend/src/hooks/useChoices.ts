// Choices for pickers: agents (vendor filters), an agent's active people by role, its salespeople.
import { useQuery } from '@tanstack/react-query';
import type { Role } from '../client';
import { agentsListAgentsOptions, usersListUsersOptions } from '../client/@tanstack/react-query.gen';
import { useT } from '../locales/i18n';

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

/**
 * Every salesperson the caller can see, deactivated ones marked (the home list's filter, and the
 * person whose customers are handed over); the vendor narrows them to one agent.
 */
export function useSalespeopleChoices(enabled: boolean, agentId?: number) {
  const t = useT();
  return useQuery({
    ...usersListUsersOptions({ query: { role: 'sales', agent_id: agentId, limit: 200, sort: 'display_name' } }),
    enabled,
    staleTime: 60_000,
    select: (page) =>
      page.items.map((user) => ({
        value: user.id,
        label: user.is_active ? user.display_name : `${user.display_name}${t('people.inactiveSuffix')}`,
      })),
  });
}
