import { App, Button, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { UserPublic } from '../../client';
import { meReadMeQueryKey, meUpdateMeMutation } from '../../client/@tanstack/react-query.gen';
import { reportFieldErrors } from '../../lib/serverErrors';
import { useT } from '../../locales/i18n';
import { displayNameRules, emailRules, phoneRules } from '../people/accountRules';

interface Values {
  display_name: string;
  email: string;
  phone?: string;
}

/** One's own display name, email and phone (the manual's 修改信息). */
export function ProfileForm({ me }: { me: UserPublic }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  useEffect(() => {
    form.setFieldsValue({ display_name: me.display_name, email: me.email, phone: me.phone });
  }, [me, form]);
  const update = useMutation({
    ...meUpdateMeMutation(),
    meta: { silent: true },
    onSuccess: (updated) => {
      queryClient.setQueryData(meReadMeQueryKey(), updated);
      void message.success(t('profile.saved'));
    },
    onError: reportFieldErrors(form),
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(values) =>
        update.mutate({
          body: { display_name: values.display_name.trim(), email: values.email.trim(), phone: (values.phone ?? '').trim() },
        })
      }
    >
      <Form.Item
        name="display_name"
        label={t('user.displayName')}
        rules={displayNameRules(t)}
      >
        <Input autoFocus autoComplete="name" />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('user.email')}
        rules={emailRules(t)}
      >
        <Input type="email" autoComplete="email" />
      </Form.Item>
      <Form.Item name="phone" label={t('user.phone')} rules={phoneRules(t)}>
        <Input type="tel" autoComplete="tel" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="profile-submit">
        {t('common.save')}
      </Button>
    </Form>
  );
}
