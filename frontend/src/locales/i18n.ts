// UI language: zh-CN (default) or en-US, remembered in localStorage. Every UI string goes
// through t(); the en-US dictionary must have exactly the zh-CN keys (checked by tsc).
import { createContext, useContext } from 'react';
import { enUS } from './en-US';
import { zhCN, type MessageKey } from './zh-CN';

export type Lang = 'zh-CN' | 'en-US';
export type { MessageKey };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export const LANGUAGES: { value: Lang; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en-US', label: 'English' },
];

const STORAGE_KEY = 'channeldesk.lang';
const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export function storedLanguage(): Lang {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function storeLanguage(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = DICTIONARIES[lang][key] ?? zhCN[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

export const I18nContext = createContext<I18n>({
  lang: 'zh-CN',
  setLang: () => undefined,
  t: (key, params) => translate('zh-CN', key, params),
});

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Shortcut for components that only need t(). */
export function useT(): Translate {
  return useContext(I18nContext).t;
}
