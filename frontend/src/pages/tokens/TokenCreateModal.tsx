import { Checkbox, Form, Input, InputNumber } from 'antd';
import { TokenScope, type ApiTokenCreate } from '../../client';
import { FormModal } from '../../components/FormModal';
import { enumOptions } from '../../lib/enums';
import { useT } from '../../locales/i18n';
import { numberRule } from '../../lib/numberRules';


export function TokenCreateModal({
  open,
  loading,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  loading: boolean;
  onSubmit: (body: ApiTokenCreate, onError: (error: unknown) => void) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<ApiTokenCreate>();
  return (
    <FormModal<ApiTokenCreate>
      form={form}
      open={open}
      title={t('sales.tokens.create')}
      okText={t('sales.tokens.create')}
      okTestId="token-create-ok"
      loading={loading}
      onSubmit={(values, onError) => onSubmit({ ...values, name: values.name.trim(), expires_in_days: values.expires_in_days ?? null }, onError)}
      onCancel={onCancel}
      forceRender={false}
      submitOnEnter
      initialValues={{ scopes: ['forecast:read'] }}
    >
      <Form.Item name="name" label={t('sales.tokens.name')} rules={[{ required: true, whitespace: true, message: t('sales.tokens.nameRequired') }]}>
        <Input maxLength={100} autoFocus />
      </Form.Item>
      <Form.Item name="scopes" label={t('sales.tokens.scopes')} rules={[{ required: true, type: 'array', min: 1, message: t('sales.tokens.scopesRequired') }]}>
        <Checkbox.Group options={enumOptions(TokenScope, (s) => `${t(`sales.tokens.scope.${s}`)} (${s})`)} />
      </Form.Item>
      <Form.Item
        name="expires_in_days"
        label={t('sales.tokens.expires')}
        extra={t('sales.tokens.expiresHelp')}
        rules={[numberRule({ min: 1, max: 3650, integer: true }, t('sales.tokens.expiresRange'))]}
      >
        <InputNumber style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}
