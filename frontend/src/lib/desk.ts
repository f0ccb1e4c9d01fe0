// The desk's plain rules: which queue comes first, how counts add up, how a stage change reads.
import type { Desk, DeskEntry, ProjectStage, QueueKey } from '../client';

/** The desk's tabs, in the order a day's work goes: decisions first (先报先得), then reading. */
export const DESK_QUEUES: QueueKey[] = ['registrations', 'extensions', 'new_reports', 'open_questions', 'reviews_due'];

/** A queue's count on the desk (0 when the desk has not loaded or does not list it). */
export function queueCount(desk: Pick<Desk, 'queues'> | undefined, key: QueueKey): number {
  return desk?.queues.find((queue) => queue.key === key)?.count ?? 0;
}

/** One page of a list the desk already holds in full (the waiting applications, oldest first). */
export function pageOf<T>(items: T[], limit: number, offset: number): { items: T[]; total: number } {
  return { items: items.slice(offset, offset + limit), total: items.length };
}

/** How an entry's stage moved since the project's entry before: a first entry "entered" its stage. */
export type StageChange =
  | { kind: 'entered'; stage: ProjectStage }
  | { kind: 'moved'; from: ProjectStage; to: ProjectStage }
  | { kind: 'same'; stage: ProjectStage };

export function stageChange(entry: Pick<DeskEntry, 'stage' | 'previous_stage'>): StageChange {
  if (entry.previous_stage === null || entry.previous_stage === undefined) return { kind: 'entered', stage: entry.stage };
  if (entry.previous_stage === entry.stage) return { kind: 'same', stage: entry.stage };
  return { kind: 'moved', from: entry.previous_stage, to: entry.stage };
}

/** A review's days left as the desk says them: still ahead, or overdue by how many days. */
export function reviewTiming(daysLeft: number): { overdue: boolean; days: number } {
  return daysLeft < 0 ? { overdue: true, days: -daysLeft } : { overdue: false, days: daysLeft };
}
