import { DeleteOutlined } from '@ant-design/icons';
import { Button, Col, Form, InputNumber, Row, Select, Space, Tooltip, Typography } from 'antd';
import type { ProjectPublic } from '../../client';
import { useT } from '../../locales/i18n';
import { BatchInput } from './BatchInput';
import { focusSoon } from './focus';
import { CURRENCIES, projectChoices, projectFill } from './orderForm';
import { numberRule } from '../../lib/numberRules';

export interface OrderLineFieldsProps {
  name: number;
  index: number;
  formName: string;
  projects: ProjectPublic[];
  contactName: string;
  canRemove: boolean;
  onRemove: () => void;
  /** Enter in the last field of the line. */
  onDone: () => void;
}

/** One order line: project (fills MCU model and domain), quantity, optional price, batches. */
export function OrderLineFields({ name, index, formName, projects, contactName, canRemove, onRemove, onDone }: OrderLineFieldsProps) {
  const t = useT();
  const form = Form.useFormInstance();
  const projectId = Form.useWatch(['lines', name, 'project_id'], form) as number | undefined;
  const price = Form.useWatch(['lines', name, 'unit_price'], form) as number | null | undefined;
  const fill = projectFill(projects, projectId);
  const options = projectChoices(projects).map((choice) => ({
    value: choice.value,
    disabled: choice.disabled,
    label: choice.disabled ? (
      <Tooltip title={t('sales.line.noModelHint', { name: contactName })} placement="right">
        <span>
          {choice.label} <Typography.Text type="secondary">{t('sales.line.noModel')}</Typography.Text>
        </span>
      </Tooltip>
    ) : (
      choice.label
    ),
    title: choice.label,
  }));

  return (
    <div className="order-line" data-testid="order-line" style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '12px 12px 0', marginBottom: 12 }}>
      <Row gutter={12} align="top">
        <Col flex="none" style={{ paddingTop: 6 }}>
          <Typography.Text strong>{t('sales.line.number', { n: index + 1 })}</Typography.Text>
        </Col>
        <Col flex="1 1 220px">
          <Form.Item
            name={[name, 'project_id']}
            label={t('sales.line.project')}
            rules={[{ required: true, message: t('sales.line.projectRequired') }]}
          >
            <Select
              options={options}
              showSearch={{ optionFilterProp: 'title' }}
              placeholder={t('sales.line.projectPlaceholder')}
              onSelect={() => focusSoon(`${formName}_lines_${name}_quantity`)}
              data-testid="line-project"
            />
          </Form.Item>
        </Col>
        <Col flex="1 1 200px">
          <Form.Item label={t('sales.line.modelDomain')} tooltip={t('sales.line.autoFilled')}>
            <Typography.Text data-testid="line-model" type={fill.model ? undefined : 'secondary'}>
              {fill.model ?? '—'}
            </Typography.Text>
            <Typography.Text type="secondary" data-testid="line-domain">
              {' · '}
              {fill.domain ?? '—'}
            </Typography.Text>
          </Form.Item>
        </Col>
        <Col flex="none">
          <Tooltip title={t('sales.line.remove')}>
            <Button
              type="text"
              icon={<DeleteOutlined />}
              disabled={!canRemove}
              onClick={onRemove}
              aria-label={t('sales.line.removeN', { n: index + 1 })}
              style={{ marginTop: 30 }}
            />
          </Tooltip>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col flex="0 0 160px">
          <Form.Item
            name={[name, 'quantity']}
            label={t('sales.line.quantity')}
            rules={[
              { required: true, message: t('sales.line.quantityRequired') },
              numberRule({ min: 1, max: 10 ** 12, integer: true }, t('sales.line.quantityPositive')),
            ]}
          >
            <InputNumber style={{ width: '100%' }} aria-label={t('sales.line.quantity')} />
          </Form.Item>
        </Col>
        <Col flex="0 0 240px">
          <Form.Item label={t('sales.line.unitPrice')} extra={t('sales.line.priceOptional')}>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name={[name, 'unit_price']} noStyle rules={[numberRule({ min: 0, max: 10 ** 9, decimals: 4 }, t('sales.line.pricePositive'))]}>
                <InputNumber style={{ width: '100%' }} aria-label={t('sales.line.unitPrice')} />
              </Form.Item>
              <Form.Item name={[name, 'currency']} noStyle>
                <Select
                  options={CURRENCIES.map((c) => ({ value: c, label: c }))}
                  disabled={price === null || price === undefined}
                  style={{ width: 90 }}
                  aria-label={t('sales.line.currency')}
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col flex="1 1 240px">
          <Form.Item name={[name, 'batches']} label={t('sales.line.batches')} extra={t('sales.batches.help')}>
            <BatchInput id={`${formName}_lines_${name}_batches`} onDone={onDone} />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
}
