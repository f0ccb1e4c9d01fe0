import { Divider, Form, Input, Typography, type InputRef } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { AgentCreated, AgentPublic } from '../../client';
import { agentsCreateAgentMutation, agentsUpdateAgentMutation } from '../../client/@tanstack/react-query.gen';
import { FormModal } from '../../components/FormModal';
import { invalidateOperations } from '../../lib/queries';
import { useT } from '../../locales/i18n';
import { displayNameRules, emailRules, phoneRules, usernameRules } from '../people/accountRules';

interface Values {
  name: string;
  contact_name?: string;
  contact_phone?: string;
  contact_email?: string;
  address?: string;
  admin?: { username: string; display_name: string; email: string; phone?: string };
}

const clean = (value: string | undefined) => (value ?? '').trim();

/** Create an agent together with its master account (公司主账户), or edit an agent. */
export function AgentFormModal({
  open,
  editing,
  onClose,
  onCreated,
}: {
  open: boolean;
  editing: AgentPublic | null;
  onClose: () => void;
  onCreated: (created: AgentCreated) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const nameInput = useRef<InputRef>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        name: editing.name,
        contact_name: editing.contact_name,
        contact_phone: editing.contact_phone,
        contact_email: editing.contact_email,
        address: editing.address,
      });
    }
  }, [open, editing, form]);

  // The master account's login name and email are nested under `admin` in this form.
  const adminFields = { username: ['admin', 'username'], email: ['admin', 'email'] };
  const refresh = () => void invalidateOperations(queryClient, 'agentsListAgents', 'agentsReadAgent', 'usersListUsers');
  // Silent: FormModal puts a refusal on its field (or reports it) through the `onError` it passes.
  const create = useMutation({
    ...agentsCreateAgentMutation(),
    meta: { silent: true },
    onSuccess: (created) => {
      refresh();
      onCreated(created);
    },
  });
  const update = useMutation({
    ...agentsUpdateAgentMutation(),
    meta: { silent: true },
    onSuccess: () => {
      refresh();
      onClose();
    },
  });

  const submit = (values: Values, onError: (error: unknown) => void) => {
    const agent = {
      name: values.name.trim(),
      contact_name: clean(values.contact_name),
      contact_phone: clean(values.contact_phone),
      contact_email: clean(values.contact_email) || null,
      address: clean(values.address),
    };
    if (editing) {
      update.mutate({ path: { agent_id: editing.id }, body: agent }, { onError });
    } else if (values.admin) {
      create.mutate(
        {
          body: {
            ...agent,
            admin: {
              username: values.admin.username.trim(),
              display_name: values.admin.display_name.trim(),
              email: values.admin.email.trim(),
              phone: clean(values.admin.phone),
            },
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
      title={editing ? t('agents.editTitle', { name: editing.name }) : t('agents.createTitle')}
      okText={editing ? t('common.save') : t('agents.create')}
      loading={create.isPending || update.isPending}
      onSubmit={submit}
      onCancel={onClose}
      fieldMap={editing ? {} : adminFields}
      submitOnEnter
      afterOpenChange={(visible) => {
        if (visible) nameInput.current?.focus();
      }}
      width={620}
    >
      <Form.Item
        name="name"
        label={t('agents.name')}
        rules={[
          { required: true, whitespace: true, message: t('agents.nameRequired') },
          { min: 2, max: 100, message: t('agents.nameLength') },
        ]}
      >
        <Input ref={nameInput} autoComplete="off" />
      </Form.Item>
      <Form.Item name="contact_name" label={t('agents.contactName')} rules={[{ max: 50 }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="contact_phone"
        label={t('agents.contactPhone')}
        rules={phoneRules(t)}
      >
        <Input type="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item name="contact_email" label={t('agents.contactEmail')} rules={[{ type: 'email', message: t('user.emailInvalid') }]}>
        <Input type="email" autoComplete="off" />
      </Form.Item>
      <Form.Item name="address" label={t('agents.address')} rules={[{ max: 200 }]}>
        <Input autoComplete="off" />
      </Form.Item>
      {editing ? null : (
        <>
          <Divider titlePlacement="start">{t('agents.masterAccount')}</Divider>
          <Typography.Paragraph type="secondary">{t('agents.masterAccountText')}</Typography.Paragraph>
          <Form.Item
            name={['admin', 'username']}
            label={t('user.username')}
            extra={t('user.usernameHint')}
            rules={usernameRules(t)}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name={['admin', 'display_name']}
            label={t('user.displayName')}
            rules={displayNameRules(t)}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name={['admin', 'email']}
            label={t('user.email')}
            rules={emailRules(t)}
          >
            <Input type="email" autoComplete="off" />
          </Form.Item>
          <Form.Item
            name={['admin', 'phone']}
            label={t('user.phone')}
            rules={phoneRules(t)}
          >
            <Input type="tel" autoComplete="off" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
