import { App, Button, Descriptions, Form, Popconfirm, Radio, Select, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { reportError } from '../../api';
import { LinkKind, type CustomerPublic, type GroupMember } from '../../client';
import {
  customersLeaveGroupMutation,
  customersLinkToGroupMutation,
  customersListCustomersOptions,
} from '../../client/@tanstack/react-query.gen';
import { FormModal } from '../../components/FormModal';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { invalidateOperations } from '../../lib/queries';
import { useT } from '../../locales/i18n';

interface LinkValues {
  parent_id: number;
  kind: LinkKind;
}

function memberText(t: ReturnType<typeof useT>, member: GroupMember): string {
  return `${member.name}（${t(`linkKind.${member.kind}`)}）`;
}

/** Customers to choose a parent from, searched by name as the vendor types. */
function useParentChoices(excludeId: number, open: boolean) {
  const [typed, setTyped] = useState('');
  const search = useDebouncedValue(typed.trim());
  const query = useQuery({
    ...customersListCustomersOptions({ query: { search, limit: 20 } }),
    enabled: open && search.length >= 2,
    select: (page) =>
      page.items.filter((c) => c.id !== excludeId).map((c) => ({ value: c.id, label: c.name })),
  });
  return { options: query.data ?? [], loading: query.isFetching, onSearch: setTyped };
}

/** 集团关系 (vendor only): what the customer belongs to, what belongs to it, and changing that. */
export function CustomerGroup({ customer }: { customer: CustomerPublic }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<LinkValues>();
  const [linking, setLinking] = useState(false);
  const parents = useParentChoices(customer.id, linking);
  const refresh = () => void invalidateOperations(queryClient, 'customersReadCustomer');
  const path = { customer_id: customer.id };
  const link = useMutation({
    ...customersLinkToGroupMutation(),
    meta: { silent: true },
    onSuccess: () => {
      refresh();
      void message.success(t('group.linked', { name: customer.name }));
      setLinking(false);
    },
  });
  const leave = useMutation({
    ...customersLeaveGroupMutation(),
    onSuccess: () => {
      refresh();
      void message.success(t('group.left', { name: customer.name }));
    },
    onError: reportError,
  });
  const group = customer.group;
  const parent = group?.parent ?? null;
  const children = group?.children ?? [];

  return (
    <section style={{ marginTop: 16 }} data-testid="customer-group">
      <Typography.Title level={5}>{t('group.title')}</Typography.Title>
      {parent || children.length ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            ...(parent ? [{ key: 'parent', label: t('group.parent'), children: memberText(t, parent) }] : []),
            ...(children.length
              ? [{ key: 'children', label: t('group.children'), children: children.map((c) => memberText(t, c)).join('、') }]
              : []),
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('group.none')}</Typography.Text>
      )}
      <Space style={{ marginTop: 8 }} wrap>
        <Button size="small" onClick={() => setLinking(true)} data-testid="group-link">
          {t('group.link')}
        </Button>
        {parent ? (
          <Popconfirm
            title={t('group.leaveConfirm', { name: customer.name })}
            okText={t('group.leave')}
            cancelText={t('common.cancel')}
            onConfirm={() => leave.mutate({ path })}
          >
            <Button size="small" danger loading={leave.isPending} data-testid="group-leave">
              {t('group.leave')}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
      <FormModal<LinkValues>
        form={form}
        open={linking}
        title={t('group.linkTitle', { name: customer.name })}
        okTestId="group-link-submit"
        loading={link.isPending}
        initialValues={{ kind: LinkKind.BRANCH }}
        afterClose={() => form.resetFields()}
        name="group-link"
        onSubmit={(values, onError) => link.mutate({ path, body: values }, { onError })}
        onCancel={() => setLinking(false)}
      >
        <Form.Item name="parent_id" label={t('group.parentField')} rules={[{ required: true, message: t('group.parentRequired') }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: parents.onSearch }}
            placeholder={t('group.parentSearch')}
            loading={parents.loading}
            options={parents.options}
            notFoundContent={null}
            data-testid="group-parent"
          />
        </Form.Item>
        <Form.Item name="kind" label={t('group.kind')}>
          <Radio.Group
            options={Object.values(LinkKind).map((kind) => ({ value: kind, label: t(`linkKind.${kind}`) }))}
          />
        </Form.Item>
      </FormModal>
    </section>
  );
}
