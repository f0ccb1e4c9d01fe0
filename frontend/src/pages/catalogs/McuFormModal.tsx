import { Form, Input, Radio } from 'antd';
import { useEffect } from 'react';
import { McuStatus, type McuModelCreate, type McuModelPublic } from '../../client';
import { FormModal, type EditDialogProps } from '../../components/FormModal';
import { enumOptions } from '../../lib/enums';
import { useT } from '../../locales/i18n';

/** Create or edit an MCU model: part number, series, core, status. */
export function McuFormModal({
  open,
  editing,
  loading,
  onSubmit,
  onCancel,
}: EditDialogProps<McuModelPublic, McuModelCreate>) {
  const t = useT();
  const [form] = Form.useForm<McuModelCreate>();
  useEffect(() => {
    if (open) form.setFieldsValue(editing ?? { part_number: '', series: '', core: '', status: 'active' });
  }, [open, editing, form]);
  return (
    <FormModal<McuModelCreate>
      form={form}
      open={open}
      title={editing ? t('catalog.mcu.editTitle', { part: editing.part_number }) : t('catalog.mcu.createTitle')}
      okTestId="mcu-form-ok"
      loading={loading}
      onSubmit={(values, onError) =>
        onSubmit(
          { ...values, part_number: values.part_number.trim(), series: values.series.trim(), core: (values.core ?? '').trim() },
          onError,
        )
      }
      onCancel={onCancel}
      submitOnEnter
    >
      <Form.Item name="part_number" label={t('catalog.mcu.partNumber')} rules={[{ required: true, whitespace: true, message: t('catalog.mcu.partNumberRequired') }]}>
        <Input maxLength={40} autoFocus data-testid="mcu-form-part" />
      </Form.Item>
      <Form.Item name="series" label={t('catalog.mcu.series')} rules={[{ required: true, whitespace: true, message: t('catalog.mcu.seriesRequired') }]}>
        <Input maxLength={40} data-testid="mcu-form-series" />
      </Form.Item>
      <Form.Item name="core" label={t('catalog.mcu.core')}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="status" label={t('catalog.mcu.status')} extra={t('catalog.mcu.statusHelp')}>
        <Radio.Group optionType="button" options={enumOptions(McuStatus, (s) => t(`catalog.mcu.status.${s}`))} />
      </Form.Item>
    </FormModal>
  );
}
