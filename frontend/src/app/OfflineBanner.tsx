// SPEC §4: on network trouble the SPA keeps the work on screen and says so, and reloads the data
// once the server answers again; it also notices a new server build and offers a reload.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { onlineManager } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { connectivity } from '../api';
import { healthVersion } from '../client';
import { useT } from '../locales/i18n';
import { retryDelay } from './retryPolicy';
import { OWN_BUILD, reloadNeeded, type ServerVersion } from './version';

const VERSION_CHECK_MS = 5 * 60_000;

function subscribeOnline(callback: () => void): () => void {
  window.addEventListener('online', callback);
  window.addEventListener('offline', callback);
  return () => {
    window.removeEventListener('online', callback);
    window.removeEventListener('offline', callback);
  };
}

/**
 * The server could not be reached although the browser is online: TanStack Query pauses (no
 * retry storm) while a probe asks the server with backoff; its answer resumes the queries, which
 * then reload what is on screen (refetchOnReconnect).
 */
function useReachable(online: boolean): boolean {
  const reachable = useSyncExternalStore(connectivity.subscribe, connectivity.isReachable);
  useEffect(() => {
    onlineManager.setOnline(online && reachable);
    if (reachable || !online) return;
    let attempt = 0;
    let timer = 0;
    const probe = () => {
      timer = window.setTimeout(() => {
        attempt += 1;
        void healthVersion({ throwOnError: false }).then(() => {
          if (!connectivity.isReachable()) probe();
        });
      }, retryDelay(Math.min(attempt, 4)));
    };
    probe();
    return () => window.clearTimeout(timer);
  }, [online, reachable]);
  return reachable;
}

/** Asks for the server's build now and then, on focus and on reconnect. */
function useNewVersion(online: boolean, reachable: boolean): boolean {
  const first = useRef<ServerVersion | null>(null);
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    if (!online || !reachable) return;
    const check = async () => {
      const { data } = await healthVersion({ throwOnError: false });
      if (!data) return;
      first.current ??= data;
      if (reloadNeeded(OWN_BUILD, first.current, data)) setChanged(true);
    };
    void check(); // also right after a reconnect: a deploy is a common reason for an outage
    const onFocus = () => void check();
    window.addEventListener('focus', onFocus);
    const timer = window.setInterval(() => void check(), VERSION_CHECK_MS);
    return () => {
      window.removeEventListener('focus', onFocus);
      window.clearInterval(timer);
    };
  }, [online, reachable]);
  return changed;
}

export function OfflineBanner() {
  const t = useT();
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  const reachable = useReachable(online);
  const newVersion = useNewVersion(online, reachable);
  return (
    <>
      {!online || !reachable ? (
        <Alert
          banner
          type="warning"
          role="status"
          data-testid="offline-banner"
          title={t(online ? 'resilience.unreachable' : 'resilience.offline')}
        />
      ) : null}
      {newVersion ? (
        <Alert
          banner
          type="info"
          role="status"
          data-testid="version-notice"
          title={t('resilience.newVersion')}
          action={
            // Drafts are in localStorage: the reload keeps what the user typed.
            <Button size="small" type="primary" onClick={() => window.location.reload()} data-testid="version-reload">
              {t('resilience.reload')}
            </Button>
          }
        />
      ) : null}
    </>
  );
}
