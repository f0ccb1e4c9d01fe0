import { useCallback, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { setApiLanguage } from '../api';
import { I18nContext, storeLanguage, storedLanguage, translate, type I18n, type Lang } from './i18n';

function apply(lang: Lang): void {
  setApiLanguage(lang === 'en-US' ? 'en' : 'zh-CN');
  dayjs.locale(lang === 'en-US' ? 'en' : 'zh-cn');
  document.documentElement.lang = lang;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = storedLanguage();
    apply(initial);
    return initial;
  });

  const setLang = useCallback((next: Lang) => {
    storeLanguage(next);
    apply(next);
    setLangState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
