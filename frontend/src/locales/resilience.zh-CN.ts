// 简体中文 strings of the resilient SPA (version notice, offline, drafts, re-login);
// resilience.en-US.ts must have the same keys.
export const resilienceZhCN = {
  'resilience.newVersion': '新版本已发布。刷新页面即可使用，已填写的内容会保留。',
  'resilience.reload': '刷新',
  'resilience.offline': '网络已断开：已填写的内容会保留，恢复连接后会自动重新加载数据。',
  'resilience.unreachable': '暂时无法连接服务器，正在自动重试；已填写的内容会保留。',
  'resilience.draftRestored': '已恢复上次未提交的草稿。',
  'resilience.draftDiscard': '丢弃草稿',
  'resilience.relogin.title': '登录已过期，请重新登录',
  'resilience.relogin.text': '重新登录后，刚才的操作会继续完成，已填写的内容不会丢失。',
  'resilience.relogin.submit': '登录并继续',
  'resilience.relogin.cancel': '取消',
};
