import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { registrationsCheckNameOptions } from '../../client/@tanstack/react-query.gen';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { CHECK_DEBOUNCE_MS, shouldCheck } from './checkAlert';

/**
 * The live conflict check of the name being typed: debounced, from 4 characters, each name
 * asked once (the server logs every check). `result` is only ever the answer for `name`.
 */
export function useNameCheck(typed: string | undefined) {
  const name = (typed ?? '').trim();
  const debounced = useDebouncedValue(name, CHECK_DEBOUNCE_MS);
  const enabled = shouldCheck(debounced);
  const query = useQuery({
    ...registrationsCheckNameOptions({ query: { name: debounced } }),
    enabled,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
  const current = enabled && debounced === name && !query.isPlaceholderData;
  return {
    name,
    result: current ? query.data : undefined,
    checking: shouldCheck(name) && (debounced !== name || query.isFetching),
    error: current && query.isError ? query.error : null,
    tooShort: name.length > 0 && !shouldCheck(name),
  };
}
