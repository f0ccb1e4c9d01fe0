import { Alert, App, Button, Form, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError, reportError } from '../../api';
import { AliasKind, type AliasPublic, type ConflictCandidate, type CustomerPublic } from '../../client';
import { customersAddAliasMutation, customersRemoveAliasMutation } from '../../client/@tanstack/react-query.gen';
import { CandidateList } from '../../components/CandidateList';
import { candidatesOfError } from '../../lib/candidates';
import { invalidateOperations } from '../../lib/queries';
import { showFieldErrors } from '../../lib/serverErrors';
import { useT, type MessageKey } from '../../locales/i18n';

interface AliasValues {
  kind: AliasKind;
  name: string;
}

function aliasKindLabel(kind: AliasKind): MessageKey {
  return `aliasKind.${kind}`;
}

/** 英文名, 简称, 曾用名: listed for everyone who sees the customer, changed by those who work on it. */
export function CustomerNames({ customer, editable }: { customer: CustomerPublic; editable: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AliasValues>();
  const [taken, setTaken] = useState<ConflictCandidate[]>([]);
  const aliases = customer.aliases ?? [];
  const refresh = () => void invalidateOperations(queryClient, 'customersReadCustomer', 'customersListCustomers');
  const path = { customer_id: customer.id };
  const add = useMutation({
    ...customersAddAliasMutation(),
    meta: { silent: true },
    onSuccess: (alias) => {
      refresh();
      form.resetFields(['name']);
      void message.success(t('names.added', { kind: t(aliasKindLabel(alias.kind)), name: alias.name }));
    },
    onError: (error) => {
      setTaken(isApiError(error) && error.status === 409 ? candidatesOfError(error) : []);
      if (!showFieldErrors(form, error)) form.setFields([{ name: 'name', errors: [isApiError(error) ? error.detail : ''] }]);
    },
  });
  const remove = useMutation({
    ...customersRemoveAliasMutation(),
    onSuccess: (_, variables) => {
      refresh();
      const gone = aliases.find((a) => a.id === variables.path.alias_id);
      void message.success(t('names.removed', { name: gone?.name ?? '' }));
    },
    onError: reportError,
  });

  const tag = (alias: AliasPublic) => {
    const label = t(aliasKindLabel(alias.kind));
    return (
      <Tag key={alias.id} data-testid="customer-alias">
        <Typography.Text type="secondary">{label}</Typography.Text> {alias.name}
        {editable ? (
          <Popconfirm
            title={t('names.removeConfirm', { kind: label, name: alias.name })}
            okText={t('names.remove')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => remove.mutate({ path: { ...path, alias_id: alias.id } })}
          >
            <Button type="link" size="small" danger aria-label={`${t('names.remove')} ${alias.name}`} style={{ paddingInline: 4 }}>
              ×
            </Button>
          </Popconfirm>
        ) : null}
      </Tag>
    );
  };

  return (
    <section style={{ marginTop: 16 }} data-testid="customer-names">
      <Typography.Title level={5}>{t('names.title')}</Typography.Title>
      {aliases.length ? (
        <Space wrap size={[4, 8]}>{aliases.map(tag)}</Space>
      ) : (
        <Typography.Text type="secondary">{t('names.none')}</Typography.Text>
      )}
      {editable ? (
        <>
          <Form<AliasValues>
            form={form}
            name="alias"
            layout="inline"
            initialValues={{ kind: AliasKind.ENGLISH }}
            onFinish={(values) => {
              setTaken([]);
              add.mutate({ path, body: { kind: values.kind, name: values.name.trim() } });
            }}
            style={{ marginTop: 12, rowGap: 8 }}
            data-testid="alias-form"
          >
            <Form.Item name="kind" label={t('names.kind')}>
              <Select
                style={{ width: 110 }}
                options={Object.values(AliasKind).map((kind) => ({ value: kind, label: t(aliasKindLabel(kind)) }))}
              />
            </Form.Item>
            <Form.Item
              name="name"
              label={t('names.name')}
              rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('names.nameRequired') }]}
              style={{ flex: 1, minWidth: 220 }}
            >
              <Input maxLength={200} autoComplete="off" data-testid="alias-name" />
            </Form.Item>
            <Form.Item style={{ marginInlineEnd: 0 }}>
              <Button htmlType="submit" loading={add.isPending} data-testid="alias-add">
                {t('names.add')}
              </Button>
            </Form.Item>
          </Form>
          {taken.length ? (
            <Alert type="error" showIcon style={{ marginTop: 8 }} title={t('names.taken')} description={<CandidateList candidates={taken} testId="alias-conflicts" />} />
          ) : null}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
            {t('names.help')}
          </Typography.Paragraph>
        </>
      ) : null}
    </section>
  );
}
