// One page of applications of each kind; both the applications page and the review queue list them.
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { extensionsListExtensions, registrationsListRegistrations, type PageExtensionPublic, type PageRegistrationPublic } from '../client';
import {
  extensionsListExtensionsOptions,
  registrationsListRegistrationsOptions,
} from '../client/@tanstack/react-query.gen';
import type { ExportCall } from '../components/ExportMenu';
import type { Application, ApplicationListQuery } from '../lib/applications';

/** A hook answering one page of one kind of application (errors are shown in place). */
export type UseApplicationPage<T extends Application> = (
  query: ApplicationListQuery,
) => UseQueryResult<{ items: T[]; total: number }, unknown>;

const listed = { placeholderData: keepPreviousData, meta: { silent: true } } as const;

export function useRegistrationPage(query: ApplicationListQuery): UseQueryResult<PageRegistrationPublic, unknown> {
  return useQuery({ ...registrationsListRegistrationsOptions({ query }), ...listed });
}

/** Extensions have no kind: that filter is left out. */
export function useExtensionPage({ kind: _kind, ...query }: ApplicationListQuery): UseQueryResult<PageExtensionPublic, unknown> {
  return useQuery({ ...extensionsListExtensionsOptions({ query }), ...listed });
}

/** Every application the query's filters keep (not one page) as a file. */
export const exportRegistrations =
  ({ limit: _limit, offset: _offset, ...query }: ApplicationListQuery): ExportCall =>
  (format) =>
    registrationsListRegistrations({ query: { ...query, format }, parseAs: 'blob', throwOnError: true });

export const exportExtensions =
  ({ limit: _limit, offset: _offset, kind: _kind, ...query }: ApplicationListQuery): ExportCall =>
  (format) =>
    extensionsListExtensions({ query: { ...query, format }, parseAs: 'blob', throwOnError: true });
