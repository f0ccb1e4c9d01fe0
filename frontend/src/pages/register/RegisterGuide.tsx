import { Card, Typography } from 'antd';
import { useT, type MessageKey } from '../../locales/i18n';

const RULES: MessageKey[] = [
  'register.guide.first',
  'register.guide.fullName',
  'register.guide.region',
  'register.guide.domain',
  'register.guide.usage',
  'register.guide.later',
];

/** The manual's registration rules (客户注册与修改), beside the form on wide screens. */
export function RegisterGuide() {
  const t = useT();
  return (
    <Card size="small" title={t('register.guide.title')} style={{ position: 'sticky', top: 88 }}>
      <ul style={{ paddingInlineStart: 18, margin: 0 }}>
        {RULES.map((key) => (
          <li key={key} style={{ marginBottom: 6 }}>
            <Typography.Text type="secondary">{t(key)}</Typography.Text>
          </li>
        ))}
      </ul>
    </Card>
  );
}
