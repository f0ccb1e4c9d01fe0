import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { registerFeedback } from '../api';
import { I18nProvider } from '../locales/I18nProvider';
import { useI18n } from '../locales/i18n';
import { createQueryClient } from './queryClient';
import { createRouter } from './router';

const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif";

/** Hands antd's message API (themed, localized) and the translator to the API adapter. */
function FeedbackBridge() {
  const { message } = AntApp.useApp();
  const { t } = useI18n();
  useEffect(() => registerFeedback(message, (key) => t(key)), [message, t]);
  return null;
}

function Themed() {
  const { lang } = useI18n();
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <ConfigProvider
      locale={lang === 'en-US' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6, fontFamily: FONT_FAMILY } }}
    >
      <AntApp>
        <FeedbackBridge />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function Root() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
