// 简体中文 strings of the sales screens; sales.en-US.ts must have the same keys.
export const salesZhCN = {
  'sales.title': '销售记录',
};
