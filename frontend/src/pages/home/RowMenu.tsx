import { EllipsisOutlined } from '@ant-design/icons';
import { Button, Dropdown, Typography, type MenuProps } from 'antd';
import type { CustomerPublic } from '../../client';
import { useT, type Translate } from '../../locales/i18n';
import type { RowMenuItem, RowMenuKey } from './rowMenuItems';

function menuOf(t: Translate, items: RowMenuItem[], onClick: (key: RowMenuKey) => void): MenuProps {
  return {
    items: items.map((item) => ({
      key: item.key,
      disabled: item.disabled,
      'data-testid': `row-menu-${item.key}`,
      // Why it is disabled, written under it: a phone has no hover for a tooltip.
      label: item.hint ? (
        <span>
          {t(item.label)}
          <Typography.Text
            type="secondary"
            style={{ display: 'block', fontSize: 12, maxWidth: 220, whiteSpace: 'normal', lineHeight: 1.4 }}
            data-testid={`row-menu-${item.key}-hint`}
          >
            {t(item.hint)}
          </Typography.Text>
        </span>
      ) : (
        t(item.label)
      ),
    })),
    onClick: ({ key, domEvent }) => {
      domEvent.stopPropagation();
      onClick(key as RowMenuKey);
    },
  };
}

/** The visible "⋯" button of a row: the same menu as the right click, reachable by keyboard. */
export function RowMenuButton({
  customer,
  items,
  onSelect,
}: {
  customer: CustomerPublic;
  items: RowMenuItem[];
  onSelect: (key: RowMenuKey) => void;
}) {
  const t = useT();
  return (
    <Dropdown trigger={['click']} menu={menuOf(t, items, onSelect)} autoFocus>
      <Button
        type="text"
        size="small"
        icon={<EllipsisOutlined />}
        aria-label={t('home.menu.open', { name: customer.name })}
        data-testid="row-menu"
        onClick={(e) => e.stopPropagation()}
      />
    </Dropdown>
  );
}

export interface ContextMenuAt {
  customer: CustomerPublic;
  x: number;
  y: number;
}

/** The row menu opened by a right click, where the pointer is (the legacy client's habit). */
export function RowContextMenu({
  at,
  items,
  onSelect,
  onClose,
}: {
  at: ContextMenuAt;
  items: RowMenuItem[];
  onSelect: (key: RowMenuKey) => void;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Dropdown
      open
      trigger={['click']}
      onOpenChange={(next) => !next && onClose()}
      menu={menuOf(t, items, (key) => {
        onClose();
        onSelect(key);
      })}
    >
      <span
        key={`${at.x}-${at.y}`}
        data-testid="row-context-anchor"
        style={{ position: 'fixed', left: at.x, top: at.y, width: 1, height: 1 }}
      />
    </Dropdown>
  );
}
