import { Alert, Empty, Typography } from 'antd';
import { useT } from '../../locales/i18n';
import type { ProjectsState } from './orderForm';

/** No project (or none with an MCU model) yet: who must fill the follow-up report first. */
export function ProjectsNotice({ state, contactName }: { state: ProjectsState; contactName: string }) {
  const t = useT();
  if (state === 'ok') return null;
  if (state === 'none') {
    return (
      <Empty
        data-testid="orders-no-projects"
        description={
          <>
            <Typography.Text strong>{t('sales.projects.none')}</Typography.Text>
            <br />
            <Typography.Text type="secondary">{t('sales.projects.askContact', { name: contactName })}</Typography.Text>
          </>
        }
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="orders-no-model"
      title={t('sales.projects.noModel')}
      description={t('sales.projects.askContact', { name: contactName })}
      style={{ marginBottom: 16 }}
    />
  );
}
