import { Tag } from 'antd';
import type { ProjectStage } from '../../client';
import { useT } from '../../locales/i18n';

const COLORS: Record<ProjectStage, string> = {
  lead: 'default',
  approved: 'cyan',
  development: 'blue',
  small_batch: 'geekblue',
  mass_production: 'green',
  on_hold: 'orange',
  lost: 'red',
};

/** A project stage (需求 → 立项 → 研发 → 小批 → 量产; 暂停, 丢失). */
export function StageTag({ stage }: { stage: ProjectStage }) {
  const t = useT();
  return (
    <Tag color={COLORS[stage]} style={{ marginInlineEnd: 0 }} data-testid="stage-tag">
      {t(`followup.stage.${stage}`)}
    </Tag>
  );
}
