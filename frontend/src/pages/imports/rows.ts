// What an import row and an import's state say, in the user's language (pure, unit-tested).
import type { ImportPublic, ImportStatus, RowReason, RowStatus } from '../../client';
import type { MessageKey, Translate } from '../../locales/i18n';

export const RUNNING: ReadonlySet<ImportStatus> = new Set(['checking', 'committing']);

export const ROW_COLORS: Record<RowStatus, string> = {
  pending: 'default',
  ready: 'processing',
  conflict: 'warning',
  invalid: 'error',
  created: 'success',
};

export const IMPORT_COLORS: Record<ImportStatus, string> = {
  checking: 'processing',
  checked: 'blue',
  committing: 'processing',
  committed: 'success',
  failed: 'error',
};

const FIELDS = new Set([
  'name',
  'credit_code',
  'province',
  'city',
  'product_domain',
  'annual_mcu_usage_wan',
  'contact',
  'protection_until',
]);

const REASONS = new Set([
  'missing',
  'too_long',
  'duplicate_in_file',
  'credit_code_invalid',
  'unknown_region',
  'unknown_product_domain',
  'bad_number',
  'contact_not_found',
  'contact_ambiguous',
  'bad_date',
  'date_not_future',
]);

/** "城市“杭州市”不在行政区划表中": the column's name and the value found, in a sentence. */
export function reasonText(t: Translate, reason: RowReason): string {
  const field = FIELDS.has(reason.field) ? t(`imports.field.${reason.field}` as MessageKey) : reason.field;
  if (!REASONS.has(reason.code)) return `${field}: ${reason.code}`;
  return t(`imports.reason.${reason.code}` as MessageKey, { field, value: reason.value });
}

/** 0..100 for the progress bar of the current pass. */
export function progressPercent(job: Pick<ImportPublic, 'progress' | 'row_count' | 'status'>): number {
  if (!RUNNING.has(job.status)) return 100;
  if (job.row_count === 0) return 0;
  const percent = Math.floor((job.progress / job.row_count) * 100);
  // The commit's write comes after the last re-checked row: stay below 100 until it is done.
  return job.status === 'committing' ? Math.min(percent, 99) : percent;
}

/** Commit is offered after a dry run (or a failed commit) with at least one row to create. */
export function canCommit(job: Pick<ImportPublic, 'status' | 'ready_count'>): boolean {
  return (job.status === 'checked' || job.status === 'failed') && job.ready_count > 0;
}
