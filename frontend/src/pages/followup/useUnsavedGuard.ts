// Warn before leaving with unsaved changes: closing or reloading the tab (beforeunload) and
// in-app navigation (react-router's blocker).
import { App } from 'antd';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { useT } from '../../locales/i18n';

export function useUnsavedGuard(dirty: boolean) {
  const t = useT();
  const { modal } = App.useApp();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('followup.leave.title'),
      content: t('followup.leave.text'),
      okText: t('followup.leave.ok'),
      cancelText: t('followup.leave.stay'),
      okButtonProps: { danger: true },
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);
}
