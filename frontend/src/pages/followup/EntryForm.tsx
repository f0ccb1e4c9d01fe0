// One project entry being written: an imported project (its current values) or a new one.
// "添加到表格" puts it into the entries table; a row clicked in the table comes back here.
// The form is a <div>, not a <form>: Enter in a field (or confirming a date) adds nothing.
import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useImperativeHandle, type Ref } from 'react';
import { DomainLookup, ProductDomainSelect } from '../../components/ProductDomainField';
import { ProjectStage } from '../../client';
import { enumOptions } from '../../lib/enums';
import { useT } from '../../locales/i18n';
import { isPendingEntry, type EntryDraft } from './entries';
import { useMcuModels } from './useFollowup';
import { numberRule } from '../../lib/numberRules';

interface Values extends Omit<EntryDraft, 'milestoneDate'> {
  milestoneDate: Dayjs | null;
}

/** What the report's submit asks the entry form before sending. */
export interface EntryFormHandle {
  /**
   * The entry the form holds when submitting now would otherwise lose it (validated, ready to add),
   * null when there is nothing to lose, 'invalid' when it is filled but not complete (the form then
   * shows what is missing).
   */
  pending: () => Promise<EntryDraft | null | 'invalid'>;
}

export function EntryForm({
  entry,
  inTable,
  duplicate,
  onAdd,
  onClear,
  handle,
}: {
  entry: EntryDraft;
  /** The entry is a row of the table being edited again. */
  inTable: boolean;
  duplicate: (entry: EntryDraft) => boolean;
  onAdd: (entry: EntryDraft) => void;
  onClear: () => void;
  handle?: Ref<EntryFormHandle>;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const models = useMcuModels();
  const existing = entry.projectId !== null;
  const toEntry = (values: Partial<Values>): EntryDraft => ({
    ...entry,
    ...values,
    projectName: existing ? entry.projectName : (values.projectName ?? '').trim(),
    mcuModelId: values.mcuModelId ?? null,
    productDomainId: values.productDomainId ?? null,
    milestoneDate: values.milestoneDate ? values.milestoneDate.format('YYYY-MM-DD') : null,
    annualVolume: values.annualVolume ?? 0,
  });
  /** The entry, unless the table already has its project (then the form says so). */
  const checked = (values: Values): EntryDraft | null => {
    const next = toEntry(values);
    if (!duplicate(next)) return next;
    form.setFields([{ name: existing ? 'stage' : 'projectName', errors: [t('followup.entry.twice')] }]);
    return null;
  };
  useImperativeHandle(handle, () => ({
    pending: async () => {
      if (!isPendingEntry(toEntry(form.getFieldsValue(true) as Values), inTable ? entry : null)) return null;
      try {
        return checked(await form.validateFields()) ?? 'invalid';
      } catch {
        return 'invalid';
      }
    },
  }));
  return (
    <Form<Values>
      form={form}
      component="div"
      layout="vertical"
      size="small"
      initialValues={{ ...entry, milestoneDate: entry.milestoneDate ? dayjs(entry.milestoneDate) : null }}
      onFinish={(values) => {
        const next = checked(values);
        if (next) onAdd(next);
      }}
      data-testid="entry-form"
    >
      {existing ? (
        <Form.Item label={t('followup.entry.project')}>
          <Space wrap>
            <strong data-testid="entry-project-name">{entry.projectName}</strong>
            <Tag>{t('followup.entry.existing')}</Tag>
          </Space>
        </Form.Item>
      ) : (
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Form.Item
            name="projectName"
            label={t('followup.entry.newProject')}
            style={{ flex: '1 1 160px' }}
            rules={[{ required: true, whitespace: true, message: t('followup.entry.nameRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="product" label={t('followup.entry.product')} style={{ flex: '1 1 160px' }}>
            <Input maxLength={200} />
          </Form.Item>
        </div>
      )}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Form.Item name="stage" label={t('followup.entry.stage')} style={{ flex: '1 1 120px' }} rules={[{ required: true }]}>
          <Select options={enumOptions(ProjectStage, (stage) => t(`followup.stage.${stage}`))} />
        </Form.Item>
        <Form.Item name="annualVolume" label={t('followup.entry.volume')} style={{ flex: '1 1 120px' }} rules={[
            { required: true, message: t('followup.entry.volumeRequired') },
            numberRule({ min: 0, max: 10 ** 12, integer: true }, t('followup.entry.volumeRange')),
          ]}
        >
          <InputNumber step={1000} style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <Form.Item name="progress" label={t('followup.entry.progress')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
      </Form.Item>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Form.Item name="mcuModelId" label={t('followup.entry.mcu')} style={{ flex: '1 1 140px' }}>
          <Select
            allowClear
            loading={models.isLoading}
            showSearch={{ filterOption: (input, option) => String(option?.label ?? '').toLowerCase().includes(input.trim().toLowerCase()) }}
            options={(models.data ?? []).map((model) => ({
              value: model.id,
              label: model.status === 'active' ? model.part_number : `${model.part_number} (${t(`followup.mcu.${model.status}`)})`,
              // end-of-life: not for new choices; an entry that has it keeps it
              disabled: model.status === 'eol' && model.id !== entry.mcuModelId,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="productDomainId"
          label={t('followup.entry.domain')}
          style={{ flex: '1 1 140px' }}
          rules={[{ required: true, message: t('followup.entry.domainRequired') }]}
          extra={<DomainLookup onPick={(id) => form.setFieldValue('productDomainId', id)} />}
        >
          <ProductDomainSelect placeholder={t('followup.entry.domain')} />
        </Form.Item>
      </div>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Form.Item name="milestoneDate" label={t('followup.entry.milestoneDate')} style={{ flex: '1 1 120px' }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="milestoneText" label={t('followup.entry.milestoneText')} style={{ flex: '2 1 160px' }}>
          <Input maxLength={500} />
        </Form.Item>
      </div>
      <Form.Item name="openQuestions" label={t('followup.entry.questions')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
      <Space wrap>
        <Button type="primary" ghost icon={<PlusOutlined />} onClick={() => form.submit()} data-testid="entry-add">
          {inTable ? t('followup.entry.update') : t('followup.entry.add')}
        </Button>
        <Button onClick={onClear} data-testid="entry-clear">
          {t('followup.entry.clear')}
        </Button>
      </Space>
    </Form>
  );
}

