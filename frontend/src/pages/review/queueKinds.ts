// Each kind of application in the vendor's review queue: how it is shown, approved and rejected.
import {
  extensionsApproveExtension,
  extensionsRejectExtension,
  registrationsApprove,
  registrationsReject,
  type DecisionIn,
  type ExtensionApproval,
  type ExtensionPublic,
  type RegistrationPublic,
} from '../../client';
import { useExtensionPage, useRegistrationPage } from '../../hooks/useApplicationPage';
import type { ReviewQueueKind } from './ApplicationQueue';
import { ExtensionApproveModal } from './ExtensionApproveModal';
import { ExtensionTable } from './ExtensionTable';
import { RegistrationApproveModal } from './RegistrationApproveModal';
import { RegistrationCards } from './RegistrationCards';

/** Registrations, each beside its conflict candidates; approval takes an optional note. */
export const registrationQueue: ReviewQueueKind<RegistrationPublic, DecisionIn> = {
  usePage: useRegistrationPage,
  Items: RegistrationCards,
  ApproveModal: RegistrationApproveModal,
  approve: async (id, body) =>
    (await registrationsApprove({ path: { registration_id: id }, body, throwOnError: true })).data,
  reject: async (id, body) =>
    (await registrationsReject({ path: { registration_id: id }, body, throwOnError: true })).data,
  text: {
    empty: 'review.noRegistrations',
    rejectTitle: 'review.rejectTitle',
    rejectText: 'review.rejectText',
    approved: 'review.approved',
    rejected: 'review.rejected',
  },
  rejectTestId: 'decision-modal',
};

/** Extensions with the current end, the date hoped for and the follow-up evidence; approval picks the new end. */
export const extensionQueue: ReviewQueueKind<ExtensionPublic, ExtensionApproval> = {
  usePage: useExtensionPage,
  Items: ExtensionTable,
  ApproveModal: ExtensionApproveModal,
  approve: async (id, body) =>
    (await extensionsApproveExtension({ path: { extension_id: id }, body, throwOnError: true })).data,
  reject: async (id, body) =>
    (await extensionsRejectExtension({ path: { extension_id: id }, body, throwOnError: true })).data,
  text: {
    empty: 'review.noExtensions',
    rejectTitle: 'review.rejectExtensionTitle',
    rejectText: 'review.rejectExtensionText',
    approved: 'review.extended',
    rejected: 'review.extensionRejected',
  },
  rejectTestId: 'extension-reject-modal',
};
