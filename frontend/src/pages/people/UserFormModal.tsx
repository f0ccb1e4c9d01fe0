import { Form, Input, Select, type InputRef } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { roleChoicesFor, type Access } from '../../app/access';
import type { Role, UserCreated, UserPublic } from '../../client';
import { usersCreateUserMutation, usersUpdateUserMutation } from '../../client/@tanstack/react-query.gen';
import { FormModal } from '../../components/FormModal';
import { invalidateOperations } from '../../lib/queries';
import { DraftNotice } from '../../components/DraftNotice';
import { useFormDraft } from '../../hooks/useFormDraft';
import { useT } from '../../locales/i18n';
import { useAgentChoices } from '../../hooks/useChoices';
import { displayNameRules, emailRules, phoneRules, usernameRules } from './accountRules';

interface Values {
  username: string;
  display_name: string;
  email: string;
  phone?: string;
  role: Role;
  agent_id?: number;
}

/** Create an account (editing = null) or edit one. */
export function UserFormModal({
  open,
  editing,
  access,
  onClose,
  onCreated,
}: {
  open: boolean;
  editing: UserPublic | null;
  access: Access;
  onClose: () => void;
  onCreated: (created: UserCreated) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const role = Form.useWatch('role', form);
  const roles = editing ? roleChoicesFor(access, editing) : access.assignableRoles;
  const needsAgent = access.seesAllAgents && !editing && role !== undefined && role !== 'vendor';
  const agents = useAgentChoices(open && needsAgent, true);
  const usernameInput = useRef<InputRef>(null);
  const nameInput = useRef<InputRef>(null);
  // A new person's details are kept until created (an edit starts from the stored values).
  const draft = useFormDraft(form, 'people.create', { active: open && !editing });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        username: editing.username,
        display_name: editing.display_name,
        email: editing.email,
        phone: editing.phone,
        role: editing.role,
      });
    } else {
      form.setFieldsValue({ role: access.assignableRoles.includes('sales') ? 'sales' : access.assignableRoles[0] });
    }
  }, [open, editing, access.assignableRoles, form]);

  const done = () => void invalidateOperations(queryClient, 'usersListUsers', 'usersReadUser');
  // Silent: FormModal puts a refusal on its field (or reports it) through the `onError` it passes.
  const create = useMutation({
    ...usersCreateUserMutation(),
    meta: { silent: true },
    onSuccess: (created) => {
      draft.clear();
      done();
      onCreated(created);
    },
  });
  const update = useMutation({
    ...usersUpdateUserMutation(),
    meta: { silent: true },
    onSuccess: () => {
      done();
      onClose();
    },
  });

  const submit = (values: Values, onError: (error: unknown) => void) => {
    if (editing) {
      update.mutate(
        {
          path: { user_id: editing.id },
          body: {
            display_name: values.display_name.trim(),
            email: values.email.trim(),
            phone: (values.phone ?? '').trim(),
            ...(values.role !== editing.role ? { role: values.role } : {}),
          },
        },
        { onError },
      );
    } else {
      create.mutate(
        {
          body: {
            username: values.username.trim(),
            display_name: values.display_name.trim(),
            email: values.email.trim(),
            phone: (values.phone ?? '').trim(),
            role: values.role,
            ...(needsAgent ? { agent_id: values.agent_id } : {}),
          },
        },
        { onError },
      );
    }
  };

  return (
    <FormModal<Values>
      form={form}
      open={open}
      title={editing ? t('people.editTitle', { name: editing.display_name }) : t('people.createTitle')}
      okText={editing ? t('common.save') : t('people.create')}
      okTestId="user-form-submit"
      loading={create.isPending || update.isPending}
      onSubmit={submit}
      onCancel={onClose}
      submitOnEnter
      afterOpenChange={(visible) => {
        if (visible) (editing ? nameInput : usernameInput).current?.focus();
      }}
      intro={editing ? null : <DraftNotice draft={draft} />}
      onValuesChange={editing ? undefined : draft.onValuesChange}
      formTestId="user-form"
    >
      <Form.Item
        name="username"
        label={t('user.username')}
        extra={editing ? undefined : t('user.usernameHint')}
        rules={usernameRules(t)}
      >
        <Input ref={usernameInput} disabled={!!editing} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="display_name"
        label={t('user.displayName')}
        rules={displayNameRules(t)}
      >
        <Input ref={nameInput} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('user.email')}
        extra={editing ? undefined : t('user.emailHint')}
        rules={emailRules(t)}
      >
        <Input type="email" autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('user.phone')}
        rules={phoneRules(t)}
      >
        <Input type="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item name="role" label={t('user.role')} rules={[{ required: true, message: t('user.roleRequired') }]}>
        <Select
          disabled={roles.length <= 1}
          options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          data-testid="user-role"
        />
      </Form.Item>
      {needsAgent ? (
        <Form.Item name="agent_id" label={t('user.agent')} rules={[{ required: true, message: t('user.agentRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={agents.isLoading}
            options={agents.data ?? []}
            placeholder={t('user.agentPlaceholder')}
            data-testid="user-agent"
          />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
