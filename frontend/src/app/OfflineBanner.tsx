// SPEC §4: on network trouble the SPA keeps the work on screen and says so; it also notices
// a new server version and asks for a reload.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Alert, Button } from 'antd';
import { healthHealth } from '../client';
import { useT } from '../locales/i18n';

const VERSION_CHECK_MS = 5 * 60_000;

function subscribeOnline(callback: () => void): () => void {
  window.addEventListener('online', callback);
  window.addEventListener('offline', callback);
  return () => {
    window.removeEventListener('online', callback);
    window.removeEventListener('offline', callback);
  };
}

function useServerVersionChanged(): boolean {
  const first = useRef<string | null>(null);
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    const check = async () => {
      const { data } = await healthHealth({ throwOnError: false });
      if (!data?.version) return;
      if (first.current === null) first.current = data.version;
      else if (first.current !== data.version) setChanged(true);
    };
    void check();
    const timer = window.setInterval(() => void check(), VERSION_CHECK_MS);
    return () => window.clearInterval(timer);
  }, []);
  return changed;
}

export function OfflineBanner() {
  const t = useT();
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  const versionChanged = useServerVersionChanged();
  if (!online) return <Alert banner type="warning" title={t('banner.offline')} />;
  if (versionChanged) {
    return (
      <Alert
        banner
        type="info"
        title={t('banner.newVersion')}
        action={
          <Button size="small" type="primary" onClick={() => window.location.reload()}>
            {t('banner.reload')}
          </Button>
        }
      />
    );
  }
  return null;
}
