// The checks on an account's fields, as the server has them (api/users/schemas.py). The people
// form, the agent form's master account and the profile form all ask for these fields; one copy
// keeps them from drifting apart.
import type { FormRule } from 'antd';
import type { Translate } from '../../locales/i18n';

export const USERNAME_PATTERN = /^[A-Za-z0-9._-]+$/;
export const PHONE_PATTERN = /^[0-9+\-() ]*$/;

export const usernameRules = (t: Translate): FormRule[] => [
  { required: true, whitespace: true, message: t('user.usernameRequired') },
  { min: 3, max: 50, message: t('user.usernameLength') },
  { pattern: USERNAME_PATTERN, message: t('user.usernamePattern') },
];

export const displayNameRules = (t: Translate): FormRule[] => [
  { required: true, whitespace: true, message: t('user.displayNameRequired') },
  { max: 50, message: t('user.displayNameLength') },
];

export const emailRules = (t: Translate): FormRule[] => [
  { required: true, whitespace: true, message: t('user.emailRequired') },
  { type: 'email', message: t('user.emailInvalid') },
];

/** Optional phone. `lengthMessage`: the people form says the limit in its own words; the others
 *  keep the form library's default text. */
export const phoneRules = (t: Translate): FormRule[] => [
  { max: 30, message: t('user.phoneLength') },
  { pattern: PHONE_PATTERN, message: t('user.phonePattern') },
];
