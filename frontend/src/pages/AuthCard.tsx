import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useT } from '../locales/i18n';

/** The frame of the signed-out screens: product name, language switch, one card. */
export function AuthCard({ title, children, width = 420 }: { title: ReactNode; children: ReactNode; width?: number }) {
  const t = useT();
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', background: 'linear-gradient(180deg, #e6f0ff 0%, #f5f7fa 45%)', padding: '0 12px' }}>
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 960, padding: '12px 0' }}>
        <LanguageSwitch />
      </Flex>
      <Flex vertical align="center" gap={4} style={{ margin: '4vh 0 24px' }}>
        <Flex align="center" gap={10}>
          <img src="/favicon.svg" alt="" width={36} height={36} />
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
        </Flex>
        <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
      </Flex>
      <Card title={title} style={{ width: '100%', maxWidth: width }} styles={{ body: { paddingTop: 20 } }}>
        {children}
      </Card>
    </Flex>
  );
}
