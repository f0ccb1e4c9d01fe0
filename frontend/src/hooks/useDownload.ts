import { App } from 'antd';
import { useState } from 'react';
import { reportError } from '../api';
import { useT } from '../locales/i18n';

export type ExportFormat = 'xlsx' | 'csv';

/** A download's state: which format is on its way, and the call that fetches and saves it. */
export function useDownload(fetch: (format: ExportFormat) => Promise<void>) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const start = (format: ExportFormat) => {
    setBusy(format);
    fetch(format)
      .then(
        () => void message.success(t('export.done')),
        (error: unknown) => reportError(error),
      )
      .finally(() => setBusy(null));
  };
  return { busy, start };
}
