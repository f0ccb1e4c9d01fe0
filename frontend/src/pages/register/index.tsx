import { Button, Col, Flex, Form, Grid, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../app/auth';
import { usePeopleChoices } from '../../hooks/useChoices';
import { ContentCard } from '../../components/ContentCard';
import { BackgroundFields, CustomerCoreFields, CustomerPartyFields } from '../../components/CustomerFields';
import { PageHeader } from '../../components/PageHeader';
import { PoolApplyModal, type PoolTarget } from '../../components/PoolApplyModal';
import { DraftNotice } from '../../components/DraftNotice';
import { useFormDraft } from '../../hooks/useFormDraft';
import { useT } from '../../locales/i18n';
import { NameCheckPanel } from './NameCheckPanel';
import { RegisterGuide } from './RegisterGuide';
import { useNameCheck } from './useNameCheck';
import { useRegister, type RegisterValues } from './useRegister';

/** 报备新客户: register a newly found customer, with a live conflict check of its name. */
export default function RegisterPage() {
  const t = useT();
  const navigate = useNavigate();
  const { access } = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<RegisterValues>();
  const check = useNameCheck(Form.useWatch('name', form));
  const draft = useFormDraft(form, 'register');
  const { submit, submitting, refusal } = useRegister(form, draft.clear);
  const sales = usePeopleChoices('sales', access.picksContact);
  const [poolTarget, setPoolTarget] = useState<PoolTarget | null>(null);
  // The server's refusal of this very name outranks an older check answer.
  const refused = refusal && refusal.name === check.name ? refusal : null;
  const result = refused ? { blocked: true, candidates: refused.candidates, warnings: check.result?.warnings } : check.result;

  const formCard = (
    <ContentCard>
      <DraftNotice draft={draft} />
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={draft.onValuesChange}
        initialValues={{ mcus_in_use: [], former_names: [] }}
        scrollToFirstError
        data-testid="register-form"
      >
        <Form.Item
          name="name"
          label={t('customer.fullName')}
          extra={t('register.nameHint')}
          rules={[
            { required: true, whitespace: true, message: t('register.nameRequired') },
            { min: 2, max: 200, message: t('register.nameLength') },
          ]}
        >
          <Input maxLength={200} autoComplete="off" autoFocus data-testid="register-name" />
        </Form.Item>
        <div style={{ marginTop: -8, marginBottom: 24 }} aria-live="polite">
          <NameCheckPanel
            result={result}
            checking={check.checking && !refused}
            error={check.error}
            tooShort={check.tooShort}
            onApplyFromPool={(c) => c.pool_customer_id != null && setPoolTarget({ id: c.pool_customer_id, name: c.name })}
          />
        </div>
        <Row gutter={16}>
          <Col xs={24} sm={14}>
            <Form.Item name="english_name" label={t('register.englishName')} extra={t('register.englishNameHint')}>
              <Input maxLength={200} autoComplete="off" data-testid="register-english-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="short_name" label={t('register.shortName')}>
              <Input maxLength={200} autoComplete="off" data-testid="register-short-name" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="former_names" label={t('register.formerNames')} extra={t('register.formerNamesHint')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['\n']} data-testid="register-former-names" />
        </Form.Item>
        <CustomerCoreFields />
        <CustomerPartyFields />
        <BackgroundFields />
        {access.picksContact ? (
          <Form.Item name="contact_user_id" label={t('register.contact')} extra={t('register.contactHint')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={sales.isLoading}
              options={sales.data ?? []}
              placeholder={t('register.contactPlaceholder')}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t('register.note')} extra={t('register.noteHint')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
        </Form.Item>
        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" loading={submitting} disabled={!!result?.blocked} data-testid="register-submit">
            {t('register.submit')}
          </Button>
          <Button onClick={() => navigate('/')}>{t('common.cancel')}</Button>
        </Flex>
      </Form>
    </ContentCard>
  );

  return (
    <>
      <PageHeader title={t('nav.register')} subtitle={t('register.subtitle')} />
      {screens.xl ? (
        <Row gutter={24} wrap={false}>
          <Col flex="auto" style={{ minWidth: 0, maxWidth: 820 }}>
            {formCard}
          </Col>
          <Col flex="320px">
            <RegisterGuide />
          </Col>
        </Row>
      ) : (
        formCard
      )}
      <PoolApplyModal target={poolTarget} onClose={() => setPoolTarget(null)} onApplied={() => navigate('/')} />
    </>
  );
}
