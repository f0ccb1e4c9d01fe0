import { Alert, Descriptions, Form, Modal, Select, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProductDomainPublic } from '../../client';
import { catalogProductDomainReferencesOptions } from '../../client/@tanstack/react-query.gen';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { useT, type MessageKey } from '../../locales/i18n';

const TABLE_LABELS: Record<string, MessageKey> = {
  'customer.product_domain_id': 'catalog.merge.customers',
  'project.product_domain_id': 'catalog.merge.projects',
  'report_entry.product_domain_id': 'catalog.merge.entries',
  'order_line.product_domain_id': 'catalog.merge.orderLines',
};

/** Merge `source` into another domain: shows how many records move before the vendor confirms. */
export function MergeModal({
  source,
  domains,
  loading,
  onMerge,
  onCancel,
}: {
  source: ProductDomainPublic | null;
  domains: ProductDomainPublic[];
  loading: boolean;
  onMerge: (intoId: number) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [target, setTarget] = useState<number | undefined>();
  const references = useQuery({
    ...catalogProductDomainReferencesOptions({ path: { domain_id: source?.id ?? 0 } }),
    enabled: source !== null,
  });
  const hasChildren = (references.data?.children ?? 0) > 0;
  const targets = domains.filter(
    (d) => source && d.id !== source.id && d.is_active && d.parent_id !== source.id && (!hasChildren || d.parent_id === null),
  );
  const close = () => {
    setTarget(undefined);
    onCancel();
  };
  const counts = references.data?.counts ?? {};
  return (
    <Modal
      open={source !== null}
      title={t('catalog.merge.title', { name: source?.name ?? '' })}
      okText={t('catalog.merge.ok', { total: references.data?.total ?? 0 })}
      okButtonProps={{ danger: true, disabled: target === undefined || !references.data, 'data-testid': 'merge-ok' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      onOk={() => target !== undefined && onMerge(target)}
      onCancel={close}
      afterClose={() => setTarget(undefined)}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('catalog.merge.into')} required>
          <Select<number>
            value={target}
            onChange={setTarget}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('catalog.merge.pick')}
            options={targets.map((d) => ({ value: d.id, label: d.name }))}
            data-testid="merge-target"
          />
        </Form.Item>
      </Form>
      {references.isError ? <LoadErrorAlert error={references.error} onRetry={() => void references.refetch()} /> : null}
      {references.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : references.data ? (
        <>
          <Typography.Paragraph data-testid="merge-summary">
            {t('catalog.merge.summary', { total: references.data.total, children: references.data.children })}
          </Typography.Paragraph>
          <Descriptions size="small" column={1} bordered>
            {Object.entries(counts).map(([key, count]) => (
              <Descriptions.Item key={key} label={TABLE_LABELS[key] ? t(TABLE_LABELS[key]) : key}>
                {count}
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('catalog.merge.warning')} />
        </>
      ) : null}
    </Modal>
  );
}
