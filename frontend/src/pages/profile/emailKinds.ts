// The emails a user may turn off, as the API's profile schema lists them: a new kind there
// fails tsc here until it has a label.
import type { ProfileUpdate } from '../../client';
import type { MessageKey } from '../../locales/i18n';

export type EmailKind = NonNullable<ProfileUpdate['email_opt_out']>[number];

export const EMAIL_KIND_LABELS: Record<EmailKind, MessageKey> = {
  registration_decided: 'mail.kind.registration_decided',
  extension_decided: 'mail.kind.extension_decided',
  new_comment: 'mail.kind.new_comment',
  protection_ending: 'mail.kind.protection_ending',
  followup_overdue: 'mail.kind.followup_overdue',
  registration_submitted: 'mail.kind.registration_submitted',
  extension_submitted: 'mail.kind.extension_submitted',
  customer_released: 'mail.kind.customer_released',
  customer_taken: 'mail.kind.customer_taken',
  review_due: 'mail.kind.review_due',
  question_reply: 'mail.kind.question_reply',
  question_unanswered: 'mail.kind.question_unanswered',
};

export const EMAIL_KINDS = Object.keys(EMAIL_KIND_LABELS) as EmailKind[];

/** The kinds ticked "wanted" from the stored opt-outs, and back. */
export const wantedKinds = (optOut: readonly string[]): EmailKind[] => EMAIL_KINDS.filter((k) => !optOut.includes(k));
export const optOutOf = (wanted: readonly EmailKind[]): EmailKind[] => EMAIL_KINDS.filter((k) => !wanted.includes(k));
