// Tags shared by the announcement pop-up and the announcement screens.
import { Tag } from 'antd';
import type { AnnouncementState, Importance } from '../client';
import { useT } from '../locales/i18n';

const IMPORTANCE_COLOR: Record<Importance, string> = { normal: 'default', important: 'orange', critical: 'red' };
const STATE_COLOR: Record<AnnouncementState, string> = {
  scheduled: 'blue',
  active: 'green',
  expired: 'default',
  withdrawn: 'default',
};

export function ImportanceTag({ importance }: { importance: Importance }) {
  const t = useT();
  return (
    <Tag color={IMPORTANCE_COLOR[importance]} data-testid="announcement-importance">
      {t(`ann.importance.${importance}`)}
    </Tag>
  );
}

export function AnnouncementStateTag({ state }: { state: AnnouncementState }) {
  const t = useT();
  return <Tag color={STATE_COLOR[state]}>{t(`ann.state.${state}`)}</Tag>;
}
