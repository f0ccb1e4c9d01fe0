// The password rules the server checks (SPEC §4, NIST SP 800-63B; api/auth/password_policy.py):
// a minimum length (a server setting, GET /auth/password-rules), no composition rules, not a
// common password or a repeated word, not one's own names with a few characters added. Length and
// the login name are checked here for quick feedback; the server has the last word.
import type { Rule } from 'antd/es/form';
import type { Translate } from '../locales/i18n';

/** The server's default, used until its own rules have loaded. */
export const PASSWORD_MIN_LENGTH = 12;

export interface PasswordLengths {
  min: number;
  max: number;
}

/** Length in characters as people count them (code points, so 密码 counts as 2). */
export function passwordLength(value: string): number {
  return [...value].length;
}

/** Characters besides a name that still leave it guessable (the server's margin). */
const NAME_MARGIN = 6;

/** Letters and digits only, lower case: "Zhang.Wei" and "zhangwei" are the same name. */
function letters(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The login name (ignoring case and separators) plus fewer than six other characters. */
export function isNameLike(value: string, username?: string): boolean {
  const name = letters(username ?? '');
  return !!name && letters(value).includes(name) && passwordLength(value) - passwordLength(name) < NAME_MARGIN;
}

export function newPasswordRules(
  t: Translate,
  username?: string,
  lengths: PasswordLengths = { min: PASSWORD_MIN_LENGTH, max: 256 },
): Rule[] {
  return [
    { required: true, message: t('password.required') },
    {
      validator: async (_rule, value: string | undefined) => {
        if (!value) return;
        if (passwordLength(value) < lengths.min) throw new Error(t('password.tooShort', { min: lengths.min }));
        if (passwordLength(value) > lengths.max) throw new Error(t('password.tooLong', { max: lengths.max }));
        if (isNameLike(value, username)) throw new Error(t('password.nameLike'));
      },
    },
  ];
}

/** The confirmation must equal the field `newField`. */
export function confirmPasswordRules(t: Translate, newField = 'new_password'): Rule[] {
  return [
    { required: true, message: t('password.confirmRequired') },
    ({ getFieldValue }) => ({
      validator: async (_rule, value: string | undefined) => {
        if (value && value !== getFieldValue(newField)) throw new Error(t('password.mismatch'));
      },
    }),
  ];
}
