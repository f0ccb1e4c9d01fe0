import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { AnnouncementPublic } from '../../client';
import { toBody, toValues } from './announcementForm';

describe('announcement form: times are Shanghai wall-clock time', () => {
  it('sends a picked 09:00 in Shanghai as 01:00 UTC', () => {
    const body = toBody({
      title: ' 通知 ',
      body: '正文',
      importance: 'critical',
      audience: 'all',
      publish_at: dayjs('2026-12-01 09:00:00'),
      expire_at: null,
    });
    expect(body.publish_at).toBe('2026-12-01T01:00:00.000Z');
    expect(body.expire_at).toBeNull();
    expect(body.title).toBe('通知');
  });

  it('names an agent only for the one-agent audience', () => {
    const base = { title: 't', body: 'b', importance: 'normal' as const, agent_id: 7 };
    expect(toBody({ ...base, audience: 'agent' }).agent_id).toBe(7);
    expect(toBody({ ...base, audience: 'agents' }).agent_id).toBeNull();
  });

  it('fills the edit form with the stored values', () => {
    const values = toValues({
      title: 't',
      body: 'b',
      importance: 'important',
      audience: 'agent',
      agent: { id: 3, name: '华南代理' },
      publish_at: '2026-12-01T01:00:00Z',
      expire_at: null,
    } as AnnouncementPublic);
    expect(values.agent_id).toBe(3);
    expect(values.publish_at?.format('YYYY-MM-DD HH:mm')).toBe('2026-12-01 09:00');
  });
});
