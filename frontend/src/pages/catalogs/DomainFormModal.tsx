import { Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import type { ProductDomainPublic } from '../../client';
import { FormModal, type EditDialogProps } from '../../components/FormModal';
import { useT } from '../../locales/i18n';

export interface DomainValues {
  name: string;
  name_en: string;
  parent_id: number | null;
  typical_products: string[];
}

/** Create a domain (level 1, or level 2 under `parentId`) or edit one: name, typical products,
 *  its level-1 domain. */
export function DomainFormModal({
  open,
  editing,
  parentId,
  domains,
  loading,
  onSubmit,
  onCancel,
}: EditDialogProps<ProductDomainPublic, DomainValues> & {
  /** The level-1 domain a new domain goes under (null: a new level-1 domain). */
  parentId: number | null;
  domains: ProductDomainPublic[];
}) {
  const t = useT();
  const [form] = Form.useForm<DomainValues>();
  const hasChildren = editing !== null && domains.some((d) => d.parent_id === editing.id);
  const parents = domains.filter((d) => d.parent_id === null && d.is_active && d.id !== editing?.id);
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      editing
        ? { name: editing.name, name_en: editing.name_en, parent_id: editing.parent_id, typical_products: editing.typical_products }
        : { name: '', name_en: '', parent_id: parentId, typical_products: [] },
    );
  }, [open, editing, parentId, form]);
  return (
    <FormModal<DomainValues>
      form={form}
      open={open}
      title={editing ? t('catalog.domain.editTitle', { name: editing.name }) : t('catalog.domain.createTitle')}
      okTestId="domain-form-ok"
      loading={loading}
      onSubmit={(values, onError) => onSubmit({ ...values, name: values.name.trim(), name_en: (values.name_en ?? '').trim() }, onError)}
      onCancel={onCancel}
      submitOnEnter
    >
      <Form.Item name="name" label={t('catalog.domain.name')} rules={[{ required: true, whitespace: true, message: t('catalog.domain.nameRequired') }]}>
        <Input maxLength={50} autoFocus data-testid="domain-form-name" />
      </Form.Item>
      <Form.Item name="name_en" label={t('catalog.domain.nameEn')}>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item
        name="parent_id"
        label={t('catalog.domain.parent')}
        extra={hasChildren ? t('catalog.domain.parentLocked') : t('catalog.domain.parentHelp')}
      >
        <Select<number | null>
          allowClear
          disabled={hasChildren}
          placeholder={t('catalog.domain.topLevel')}
          options={parents.map((d) => ({ value: d.id, label: d.name }))}
          onClear={() => form.setFieldValue('parent_id', null)}
        />
      </Form.Item>
      <Form.Item name="typical_products" label={t('catalog.domain.products')} extra={t('catalog.domain.productsHelp')}>
        <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} data-testid="domain-form-products" />
      </Form.Item>
    </FormModal>
  );
}
