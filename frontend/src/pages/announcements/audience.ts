import type { AnnouncementPublic } from '../../client';
import type { Translate } from '../../locales/i18n';

/** Whom an announcement is for, in words ("指定代理商：华南代理"). */
export function audienceText(t: Translate, a: Pick<AnnouncementPublic, 'audience' | 'agent'>): string {
  return a.audience === 'agent' && a.agent ? t('ann.audienceOf', { name: a.agent.name }) : t(`ann.audience.${a.audience}`);
}
