import { useQuery } from '@tanstack/react-query';
import { authPasswordRulesOptions } from '../client/@tanstack/react-query.gen';
import { PASSWORD_MIN_LENGTH, type PasswordLengths } from '../lib/passwordRules';

/** The length bounds the server enforces (public endpoint, so sign-in-free pages can ask). */
export function usePasswordLengths(): PasswordLengths {
  const { data } = useQuery({ ...authPasswordRulesOptions(), staleTime: Infinity, meta: { silent: true } });
  return { min: data?.min_length ?? PASSWORD_MIN_LENGTH, max: data?.max_length ?? 256 };
}
