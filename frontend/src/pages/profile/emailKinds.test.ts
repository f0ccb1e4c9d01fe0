import { describe, expect, it } from 'vitest';
import { EMAIL_KINDS, optOutOf, wantedKinds } from './emailKinds';

describe('email preferences', () => {
  it('offers every email the API lets one turn off, the reminders included', () => {
    expect(EMAIL_KINDS).toEqual(['registration_decided', 'extension_decided', 'new_comment', 'protection_ending', 'followup_overdue', 'registration_submitted', 'extension_submitted', 'customer_released', 'customer_taken', 'review_due', 'question_reply', 'question_unanswered']);
  });

  it('turns the stored opt-outs into ticked boxes and back', () => {
    const wanted = wantedKinds(['new_comment', 'followup_overdue']);
    expect(wanted).toEqual(['registration_decided', 'extension_decided', 'protection_ending', 'registration_submitted', 'extension_submitted', 'customer_released', 'customer_taken', 'review_due', 'question_reply', 'question_unanswered']);
    expect(optOutOf(wanted)).toEqual(['new_comment', 'followup_overdue']);
  });
});
