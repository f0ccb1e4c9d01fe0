import { Tag } from 'antd';
import type { Role } from '../client';
import { useT } from '../locales/i18n';

const COLORS: Record<Role, string> = {
  vendor: 'geekblue',
  agent_admin: 'gold',
  sales: 'green',
  fae: 'cyan',
  assistant: 'purple',
};

export function RoleTag({ role }: { role: Role }) {
  const t = useT();
  return <Tag color={COLORS[role]}>{t(`role.${role}`)}</Tag>;
}

export function StatusTag({ active }: { active: boolean }) {
  const t = useT();
  return <Tag color={active ? 'success' : 'default'}>{active ? t('status.active') : t('status.inactive')}</Tag>;
}
