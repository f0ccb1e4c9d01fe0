// Registrations and extensions are both an application awaiting the vendor's decision (SPEC §5,
// §6): the same states, filters and decision flow, on two sets of endpoints. The applications
// page and the review queue are written once against these types, with small pieces per kind.
import type { ExtensionPublic, RegistrationPublic, RegistrationsListRegistrationsData } from '../client';

/** What every application has: who applied for which customer, its state and the decision. */
export type Application = Pick<
  RegistrationPublic & ExtensionPublic,
  'id' | 'status' | 'customer' | 'agent' | 'applicant' | 'created_at' | 'decided_by' | 'decided_at' | 'decision_reason'
>;

/** Filters and paging of an application list (`kind` filters registrations only). */
export type ApplicationListQuery = NonNullable<RegistrationsListRegistrationsData['query']>;

/** The vendor's two answers to an application. */
export type Verdict = 'approve' | 'reject';
