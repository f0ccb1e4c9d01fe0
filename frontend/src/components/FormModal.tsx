// A dialog whose body is one form and whose OK button submits it. Every create/edit/decide dialog
// wired the same Modal + Form pair by hand; this keeps that wiring (and the mapping of a refused
// save onto its fields) in one place so the dialogs only say what is different.
import { Form, Modal, type FormInstance, type FormProps } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import type { ReactNode } from 'react';
import { useT } from '../locales/i18n';
import { ImplicitSubmit } from './ImplicitSubmit';
import { reportFieldErrors } from '../lib/serverErrors';

/**
 * What a screen gives its create-or-edit dialog: the record being changed (null: a new one) and
 * the save, which gets the request body and the `onError` FormModal hands out.
 */
export interface EditDialogProps<Item, Body> {
  open: boolean;
  editing: Item | null;
  loading: boolean;
  onSubmit: (body: Body, onError: (error: unknown) => void) => void;
  onCancel: () => void;
}

export interface FormModalProps<V> {
  /** The caller owns the form: it watches fields, fills them when opening, keeps drafts. */
  form: FormInstance<V>;
  open: boolean;
  title: ReactNode;
  /** Defaults to 保存/Save. */
  okText?: ReactNode;
  /** data-testid of the OK button (the browser tests press it). */
  okTestId?: string;
  okDanger?: boolean;
  loading?: boolean;
  /**
   * Called with the validated values. Pass `onError` to the save: it puts a refused save's message
   * on the field it concerns, or reports it as usual when no field matches.
   */
  onSubmit: (values: V, onError: (error: unknown) => void) => void;
  onCancel: () => void;
  /** Server field name -> form field name, where the form nests them (see showFieldErrors). */
  fieldMap?: Record<string, NamePath>;
  /** Let Enter in a one-line field submit (the OK button sits outside the <form>). */
  submitOnEnter?: boolean;
  /** Mount the form while closed, so `form` can be filled before the dialog opens. */
  forceRender?: boolean;
  width?: number;
  afterOpenChange?: (open: boolean) => void;
  afterClose?: () => void;
  /** Shown above the form: an explanation, a draft notice, an error the save ran into. */
  intro?: ReactNode;
  initialValues?: FormProps<V>['initialValues'];
  onValuesChange?: FormProps<V>['onValuesChange'];
  formTestId?: string;
  /** Prefixes the fields' ids, so two forms on one page do not share a label's target. */
  name?: string;
  children: ReactNode;
}

export function FormModal<V>({
  form,
  open,
  title,
  okText,
  okTestId,
  okDanger,
  loading = false,
  onSubmit,
  onCancel,
  fieldMap,
  submitOnEnter = false,
  forceRender = true,
  width,
  afterOpenChange,
  afterClose,
  intro,
  initialValues,
  onValuesChange,
  formTestId,
  name,
  children,
}: FormModalProps<V>) {
  const t = useT();
  const onError = reportFieldErrors(form, fieldMap);
  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: okDanger, ...(okTestId ? { 'data-testid': okTestId } : {}) }}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      forceRender={forceRender}
      width={width}
      afterOpenChange={afterOpenChange}
      afterClose={afterClose}
    >
      {intro}
      <Form<V>
        form={form}
        name={name}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        onFinish={(values) => onSubmit(values, onError)}
        data-testid={formTestId}
      >
        {children}
        {submitOnEnter ? <ImplicitSubmit /> : null}
      </Form>
    </Modal>
  );
}
