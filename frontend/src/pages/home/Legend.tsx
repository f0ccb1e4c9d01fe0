import { Space, Typography } from 'antd';
import { useRules } from '../../hooks/useCatalog';
import { useT } from '../../locales/i18n';

/** What a red row means (the manual: 客户快到保护期后，主页该客户将显示为红色). */
export function NearExpiryLegend() {
  const t = useT();
  const rules = useRules();
  return (
    <Space size={6} align="center" style={{ fontSize: 12 }} data-testid="near-expiry-legend">
      <span className="near-expiry-swatch" aria-hidden />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {rules.data ? t('home.legend', { days: rules.data.near_expiry_days }) : t('home.legendShort')}
      </Typography.Text>
    </Space>
  );
}
