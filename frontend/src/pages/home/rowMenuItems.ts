// The home table's row menu (the legacy client's right-click menu on a customer): what it offers
// and what is enabled for this user and customer.
import { extensionRefusal, type Access } from '../../app/access';
import type { CustomerPublic, UserPublic } from '../../client';
import type { MessageKey } from '../../locales/i18n';

export type RowMenuKey = 'followup' | 'orders' | 'extension' | 'details';

export interface RowMenuItem {
  key: RowMenuKey;
  label: MessageKey;
  disabled: boolean;
  /** Why it is disabled (a tooltip). */
  hint?: MessageKey;
}

export function rowMenuItems(
  access: Access,
  me: Pick<UserPublic, 'id'>,
  customer: Pick<CustomerPublic, 'contact' | 'status' | 'protection_mode' | 'protection_until' | 'open_extension'>,
  now: Date = new Date(),
): RowMenuItem[] {
  const refusal = extensionRefusal(access, me, customer, now);
  return [
    // 客户跟进: everyone who sees the customer (the screen itself decides who may write).
    { key: 'followup', label: 'home.menu.followup', disabled: false },
    // 销售记录: everyone who sees the customer reads; the screen lets the assistant / master account write.
    { key: 'orders', label: 'home.menu.orders', disabled: false },
    {
      key: 'extension',
      label: 'home.menu.extension',
      disabled: refusal !== null,
      hint: refusal ? (`extension.refusal.${refusal}` as const) : undefined,
    },
    { key: 'details', label: 'home.menu.details', disabled: false },
  ];
}
