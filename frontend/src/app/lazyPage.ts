import type { ComponentType } from 'react';

const RELOADED_KEY = 'channeldesk.chunkReloaded';

/** A screen whose code loads on first visit (a smaller first download). When its file is gone,
 * a new build has replaced the old files: reload once to get the new build (form drafts survive
 * a reload); offline, or a second failure, goes to the route's error screen instead. */
export function page(load: () => Promise<{ default: ComponentType }>) {
  return async () => {
    try {
      const module = await load();
      sessionStorage.removeItem(RELOADED_KEY);
      return { Component: module.default };
    } catch (error) {
      if (navigator.onLine && !sessionStorage.getItem(RELOADED_KEY)) {
        sessionStorage.setItem(RELOADED_KEY, '1');
        window.location.reload();
      }
      throw error;
    }
  };
}
