import { App, Button, Checkbox, Form, Radio } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { reportError } from '../../api';
import type { UserPublic } from '../../client';
import { meReadMeQueryKey, meUpdateMeMutation } from '../../client/@tanstack/react-query.gen';
import { useT } from '../../locales/i18n';
import { EMAIL_KINDS, EMAIL_KIND_LABELS, optOutOf, wantedKinds, type EmailKind } from './emailKinds';

interface Values {
  language: 'zh' | 'en';
  wanted: EmailKind[];
}

/** The language of one's emails and which emails one wants (PATCH /me). */
export function EmailPrefsForm({ me }: { me: UserPublic }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  useEffect(() => {
    form.setFieldsValue({ language: me.language === 'en' ? 'en' : 'zh', wanted: wantedKinds(me.email_opt_out) });
  }, [me, form]);
  const update = useMutation({
    ...meUpdateMeMutation(),
    onSuccess: (updated) => {
      queryClient.setQueryData(meReadMeQueryKey(), updated);
      void message.success(t('mail.prefs.saved'));
    },
    onError: (error) => reportError(error),
    meta: { silent: true },
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      data-testid="email-prefs"
      onFinish={(values) => update.mutate({ body: { language: values.language, email_opt_out: optOutOf(values.wanted) } })}
    >
      <Form.Item name="language" label={t('mail.prefs.language')} extra={t('mail.prefs.languageHelp')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'zh', label: t('mail.prefs.zh') },
            { value: 'en', label: t('mail.prefs.en') },
          ]}
        />
      </Form.Item>
      <Form.Item name="wanted" label={t('mail.prefs.wanted')} extra={t('mail.prefs.wantedHelp')}>
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          options={EMAIL_KINDS.map((kind) => ({ value: kind, label: t(EMAIL_KIND_LABELS[kind]) }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="email-prefs-submit">
        {t('common.save')}
      </Button>
    </Form>
  );
}
