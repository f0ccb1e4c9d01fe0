import type { salesZhCN } from './sales.zh-CN';

export const salesEnUS: Record<keyof typeof salesZhCN, string> = {
  'sales.title': 'Sales records',
};
