// Keep an antd form's input as a draft until it is submitted: restored after a reload (with a
// hint and a way to discard it), cleared on a successful submit and when the user signs out.
import type { FormInstance } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useMe } from '../app/auth';
import { clearFormDraft, formDraftKey, loadFormDraft, saveFormDraft } from '../lib/formDraft';

export interface FormDraftOptions {
  /** A modal's form: restore when it opens (default: always active). */
  active?: boolean;
  /** Fields never stored (any field named like "password" is never stored anyway). */
  omit?: string[];
}

export interface FormDraft {
  /** Pass to <Form onValuesChange>: every edit is saved. */
  onValuesChange: () => void;
  /** A draft was put back into the form. */
  restored: boolean;
  /** After a successful submit. */
  clear: () => void;
  /** The user throws the draft away: the form goes back to its initial values. */
  discard: () => void;
}

export function useFormDraft<T>(form: FormInstance<T>, formKey: string, options: FormDraftOptions = {}): FormDraft {
  const userId = useMe().data?.id;
  const active = options.active ?? true;
  const omit = options.omit;
  const key = userId != null ? formDraftKey(userId, formKey) : null;
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    if (!active || !key) return;
    const values = loadFormDraft(key);
    // After the form's own set-up in the same commit (e.g. a modal resetting its fields).
    const timer = window.setTimeout(() => {
      if (values) form.setFieldsValue(values as Parameters<FormInstance<T>['setFieldsValue']>[0]);
      setRestored(!!values);
    });
    return () => window.clearTimeout(timer);
  }, [active, key, form]);

  const onValuesChange = useCallback(() => {
    if (key) saveFormDraft(key, form.getFieldsValue(true), omit);
  }, [key, form, omit]);
  const clear = useCallback(() => {
    if (key) clearFormDraft(key);
    setRestored(false);
  }, [key]);
  const discard = useCallback(() => {
    clear();
    form.resetFields();
  }, [clear, form]);

  return { onValuesChange, restored, clear, discard };
}
