// The announcement form's values and the API body made from them. Times are picked as wall-clock
// time in Asia/Shanghai, like every time the SPA shows.
import dayjs, { type Dayjs } from 'dayjs';
import type { AnnouncementIn, AnnouncementPublic, Audience, Importance } from '../../client';
import { DISPLAY_TIME_ZONE, formatTime } from '../../lib/format';

export interface AnnouncementFormValues {
  title: string;
  body: string;
  importance: Importance;
  audience: Audience;
  agent_id?: number | null;
  publish_at?: Dayjs | null;
  expire_at?: Dayjs | null;
  /** Editing only: everyone must read the corrected announcement again. */
  ask_again?: boolean;
}

/** A picked wall-clock time in Shanghai as an ISO instant. */
export function shanghaiInstant(value: Dayjs): string {
  return dayjs.tz(value.format('YYYY-MM-DD HH:mm:ss'), DISPLAY_TIME_ZONE).toISOString();
}

/** An instant as the Shanghai wall-clock time a picker shows. */
export function shanghaiPicker(value: string): Dayjs {
  return dayjs(formatTime(value, true));
}

export function toBody(values: AnnouncementFormValues): AnnouncementIn {
  return {
    title: values.title.trim(),
    body: values.body,
    importance: values.importance,
    audience: values.audience,
    agent_id: values.audience === 'agent' ? (values.agent_id ?? null) : null,
    publish_at: values.publish_at ? shanghaiInstant(values.publish_at) : null,
    expire_at: values.expire_at ? shanghaiInstant(values.expire_at) : null,
  };
}

export function toValues(announcement: AnnouncementPublic | null): AnnouncementFormValues {
  if (!announcement) return { title: '', body: '', importance: 'normal', audience: 'all', agent_id: null };
  return {
    title: announcement.title,
    body: announcement.body,
    importance: announcement.importance,
    audience: announcement.audience,
    agent_id: announcement.agent?.id ?? null,
    publish_at: shanghaiPicker(announcement.publish_at),
    expire_at: announcement.expire_at ? shanghaiPicker(announcement.expire_at) : null,
  };
}
