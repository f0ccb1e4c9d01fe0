// The customer detail fields of the registration form and the detail drawer's edit form
// (SPEC §5). Field names follow customerForm.ts.
import { Col, Collapse, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useT } from '../locales/i18n';
import { cleanCreditCode, isValidCreditCode } from '../lib/customerForm';
import { DomainLookup, ProductDomainSelect, TypicalProducts } from './ProductDomainField';
import { RegionCascader } from './RegionCascader';
import { numberRule } from '../lib/numberRules';
import { shanghaiToday } from '../lib/format';

/** Region, product domain (with the lookup), annual usage, MCUs in use. */
export function CustomerCoreFields() {
  const t = useT();
  const form = Form.useFormInstance();
  const domainId = Form.useWatch<number | undefined>('product_domain_id', form);
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item
            name="region"
            label={t('customer.region')}
            extra={t('register.regionHint')}
            rules={[
              {
                validator: async (_rule, value: string[] | undefined) => {
                  if (!value || value.length < 2) throw new Error(t('register.regionRequired'));
                },
              },
            ]}
            required
          >
            <RegionCascader testId="region" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            name="annual_mcu_usage_wan"
            label={t('customer.usage')}
            extra={t('register.usageHint')}
            rules={[
              { required: true, message: t('register.usageRequired') },
              numberRule({ min: 0, max: 10_000_000, decimals: 2 }, t('register.usageRange')),
            ]}
          >
            <InputNumber suffix={t('customer.wan')} style={{ width: '100%' }} data-testid="usage" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="product_domain_id"
        label={t('customer.domain')}
        rules={[{ required: true, message: t('register.domainRequired') }]}
        extra={
          <>
            <TypicalProducts domainId={domainId} />{' '}
            <DomainLookup onPick={(id) => form.setFields([{ name: 'product_domain_id', value: id, errors: [] }])} />
          </>
        }
      >
        <ProductDomainSelect testId="domain" />
      </Form.Item>
      <Form.Item name="mcus_in_use" label={t('customer.mcus')} extra={t('register.mcusHint')}>
        <Select
          mode="tags"
          tokenSeparators={[',', '，', ' ', ';', '；']}
          open={false}
          suffixIcon={null}
          maxCount={30}
          placeholder={t('register.mcusPlaceholder')}
          aria-label={t('customer.mcus')}
          data-testid="mcus"
        />
      </Form.Item>
    </>
  );
}

/** Credit code, purchaser and factory: optional, can be completed after approval. */
export function CustomerPartyFields() {
  const t = useT();
  return (
    <>
      <Form.Item
        name="credit_code"
        label={t('customer.creditCode')}
        extra={t('register.creditCodeHint')}
        rules={[
          {
            validator: async (_rule, value: string | undefined) => {
              const code = cleanCreditCode(value);
              if (code && !isValidCreditCode(code)) throw new Error(t('register.creditCodeInvalid'));
            },
          },
        ]}
      >
        <Input maxLength={30} autoComplete="off" style={{ maxWidth: 320 }} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="purchaser" label={t('customer.purchaser')} extra={t('register.laterHint')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="factory" label={t('customer.factory')} extra={t('register.laterHint')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** 客户背景: founding date, registered capital, major events, industry position (collapsible). */
export function BackgroundFields({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const t = useT();
  return (
    <Collapse
      size="small"
      defaultActiveKey={defaultOpen ? ['background'] : []}
      style={{ marginBottom: 24 }}
      items={[
        {
          key: 'background',
          label: t('customer.background'),
          extra: <span style={{ fontSize: 12, opacity: 0.65 }}>{t('register.backgroundHint')}</span>,
          forceRender: true,
          children: (
            <>
              <Form.Item name="founded_on" label={t('customer.foundedOn')}>
                <DatePicker disabledDate={(d) => d.isAfter(shanghaiToday(), 'day')} style={{ width: '100%', maxWidth: 240 }} />
              </Form.Item>
              <Form.Item name="registered_capital" label={t('customer.registeredCapital')}>
                <Input maxLength={50} placeholder={t('register.capitalPlaceholder')} style={{ maxWidth: 320 }} />
              </Form.Item>
              <Form.Item name="major_events" label={t('customer.majorEvents')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
              </Form.Item>
              <Form.Item name="industry_position" label={t('customer.industryPosition')} style={{ marginBottom: 0 }}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
              </Form.Item>
            </>
          ),
        },
      ]}
    />
  );
}
