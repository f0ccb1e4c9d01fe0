import type { followupZhCN } from './followup.zh-CN';

export const followupEnUS: Record<keyof typeof followupZhCN, string> = {
  'followup.title': 'Follow-up',
};
