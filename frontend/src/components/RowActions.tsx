import { MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown, Grid, Space } from 'antd';
import { useT } from '../locales/i18n';

export interface RowAction {
  key: string;
  label: string;
  danger?: boolean;
  onClick: () => void;
}

/** A table row's actions: links on wide screens, one "more" menu on narrow ones. */
export function RowActions({ actions, subject }: { actions: RowAction[]; subject: string }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  if (actions.length === 0) return null;
  if (screens.md === false) {
    return (
      <Dropdown
        trigger={['click']}
        menu={{
          items: actions.map((a) => ({ key: a.key, label: a.label, danger: a.danger })),
          onClick: ({ key }) => actions.find((a) => a.key === key)?.onClick(),
        }}
      >
        <Button type="text" size="small" icon={<MoreOutlined />} aria-label={`${t('common.actions')} ${subject}`} />
      </Dropdown>
    );
  }
  return (
    <Space size={0} wrap={false}>
      {actions.map((a) => (
        <Button key={a.key} type="link" size="small" danger={a.danger} onClick={a.onClick} aria-label={`${a.label} ${subject}`}>
          {a.label}
        </Button>
      ))}
    </Space>
  );
}
