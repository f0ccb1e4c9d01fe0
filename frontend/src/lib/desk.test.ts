import { describe, expect, it } from 'vitest';
import { DESK_QUEUES, pageOf, queueCount, reviewTiming, stageChange } from './desk';

describe('the desk', () => {
  it('puts the decisions first and reads the counts by queue', () => {
    expect(DESK_QUEUES.slice(0, 2)).toEqual(['registrations', 'extensions']);
    const desk = { queues: [{ key: 'open_questions' as const, count: 4 }] };
    expect(queueCount(desk, 'open_questions')).toBe(4);
    expect(queueCount(desk, 'reviews_due')).toBe(0);
    expect(queueCount(undefined, 'registrations')).toBe(0);
  });

  it('pages a list it holds in full', () => {
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual({ items: [3, 4], total: 5 });
  });

  it('says a first entry entered its stage and tells a move from a standstill', () => {
    expect(stageChange({ stage: 'development', previous_stage: null })).toEqual({ kind: 'entered', stage: 'development' });
    expect(stageChange({ stage: 'development', previous_stage: 'approved' })).toEqual({
      kind: 'moved',
      from: 'approved',
      to: 'development',
    });
    expect(stageChange({ stage: 'lead', previous_stage: 'lead' })).toEqual({ kind: 'same', stage: 'lead' });
  });

  it('tells an overdue review by how many days', () => {
    expect(reviewTiming(-3)).toEqual({ overdue: true, days: 3 });
    expect(reviewTiming(0)).toEqual({ overdue: false, days: 0 });
  });
});
