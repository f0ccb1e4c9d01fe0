// Put a refused form submission's message on the field it is about.
import type { FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { errorText, isApiError, reportError } from '../api';

/** Error codes that concern one field (the server's code catalogue, api/kit/messages.py). */
const FIELD_OF_CODE: Record<string, string> = {
  current_password_wrong: 'current_password',
  password_too_short: 'new_password',
  password_too_long: 'new_password',
  password_common: 'new_password',
  password_repeated: 'new_password',
  password_contains_name: 'new_password',
  password_demo: 'new_password',
  password_reused: 'new_password',
  username_taken: 'username',
  email_taken: 'email',
  agent_name_taken: 'name',
  agent_required: 'agent_id',
  agent_inactive: 'agent_id',
  registration_blocked: 'name',
  unknown_region: 'region',
  unknown_product_domain: 'product_domain_id',
  credit_code_invalid: 'credit_code',
  not_agent_member: 'contact_user_id',
  extension_date_too_early: 'protection_until',
  announcement_agent_required: 'agent_id',
  announcement_expiry_before_publish: 'expire_at',
};

/**
 * Show `error` on the form fields it concerns. `fieldMap` renames server fields to form names
 * (e.g. the agent form's master account: username -> ['admin', 'username']).
 * Returns false when no field matched: the caller should show the error another way.
 */
export function showFieldErrors(
  form: FormInstance,
  error: unknown,
  fieldMap: Record<string, NamePath> = {},
): boolean {
  if (!isApiError(error)) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const target = (field: string): NamePath | null => {
    if (field in fieldMap) return fieldMap[field];
    const top = field.split('.')[0];
    return known.has(top) ? field.split('.') : null;
  };
  const fields: { name: NamePath; errors: string[] }[] = [];
  const byCode = FIELD_OF_CODE[error.code];
  if (byCode && target(byCode)) fields.push({ name: target(byCode)!, errors: [errorText(error)] });
  for (const fieldError of error.fields) {
    const name = target(fieldError.field);
    if (name) fields.push({ name, errors: [fieldError.message] });
  }
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}

/**
 * The usual answer to a refused save: on the fields it concerns, else as a message. Forms give it to
 * their (silent) mutation as `onError`.
 */
export function reportFieldErrors(form: FormInstance, fieldMap: Record<string, NamePath> = {}) {
  return (error: unknown) => {
    if (!showFieldErrors(form, error, fieldMap)) reportError(error);
  };
}
