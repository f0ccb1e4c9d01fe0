// 简体中文 strings of the followup screens; followup.en-US.ts must have the same keys.
export const followupZhCN = {
  'followup.title': '客户跟进',
};
