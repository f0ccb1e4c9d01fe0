import { Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, Tabs } from 'antd';
import { Audience, Importance, type AnnouncementPublic, type AnnouncementUpdate } from '../../client';
import { useAgentChoices } from '../../hooks/useChoices';
import { FormModal, type EditDialogProps } from '../../components/FormModal';
import { MarkdownView } from '../../components/MarkdownView';
import { enumOptions } from '../../lib/enums';
import { useT } from '../../locales/i18n';
import { toBody, toValues, type AnnouncementFormValues } from './announcementForm';

/** Create or change an announcement (vendor): Markdown text with a preview, audience, times. */
export function AnnouncementFormModal({
  open,
  editing,
  loading,
  onSubmit,
  onCancel,
}: EditDialogProps<AnnouncementPublic, AnnouncementUpdate>) {
  const t = useT();
  const [form] = Form.useForm<AnnouncementFormValues>();
  const audience = Form.useWatch('audience', form);
  const body = Form.useWatch('body', form) ?? '';
  const agents = useAgentChoices(open, true);
  const title = editing ? t('ann.edit') : t('ann.create');

  return (
    <FormModal<AnnouncementFormValues>
      form={form}
      open={open}
      title={title}
      okText={editing ? t('common.save') : t('ann.create')}
      okTestId="announcement-save"
      loading={loading}
      onSubmit={(values, onError) =>
        onSubmit(editing ? { ...toBody(values), ask_again: values.ask_again ?? false } : toBody(values), onError)
      }
      onCancel={onCancel}
      width={720}
      forceRender={false}
      initialValues={toValues(editing)}
    >
      <Form.Item name="title" label={t('ann.title')} rules={[{ required: true, whitespace: true, message: t('ann.titleRequired') }]}>
        <Input maxLength={200} autoFocus />
      </Form.Item>
      <Tabs
        size="small"
        items={[
          {
            key: 'write',
            label: t('ann.write'),
            forceRender: true,
            children: (
              <Form.Item
                name="body"
                label={t('ann.body')}
                extra={t('ann.bodyHelp')}
                rules={[{ required: true, whitespace: true, message: t('ann.bodyRequired') }]}
              >
                <Input.TextArea autoSize={{ minRows: 6, maxRows: 14 }} maxLength={20000} />
              </Form.Item>
            ),
          },
          {
            key: 'preview',
            label: t('ann.preview'),
            children: (
              <div style={{ minHeight: 120, marginBottom: 24 }}>
                {body.trim() ? <MarkdownView text={body} /> : t('ann.previewEmpty')}
              </div>
            ),
          },
        ]}
      />
      <Form.Item name="importance" label={t('ann.importance')}>
        <Radio.Group
          optionType="button"
          options={enumOptions(Importance, (value) => t(`ann.importance.${value}`))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="audience" label={t('ann.audience')}>
            <Select options={enumOptions(Audience, (value) => t(`ann.audience.${value}`))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          {audience === 'agent' ? (
            <Form.Item name="agent_id" label={t('ann.agent')} rules={[{ required: true, message: t('ann.agentRequired') }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={agents.isPending}
                options={agents.data ?? []}
                placeholder={t('ann.agentRequired')}
              />
            </Form.Item>
          ) : null}
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="publish_at" label={t('ann.publishAt')} extra={t('ann.publishAtHelp')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="expire_at"
            label={t('ann.expireAt')}
            extra={t('ann.expireAtHelp')}
            dependencies={['publish_at']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value) => {
                  const publish = getFieldValue('publish_at');
                  if (!value || !publish || value.isAfter(publish)) return Promise.resolve();
                  return Promise.reject(new Error(t('ann.expireAfterPublish')));
                },
              }),
            ]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {editing ? (
        <Form.Item name="ask_again" valuePropName="checked" extra={t('ann.askAgainHelp')}>
          <Checkbox data-testid="announcement-ask-again">{t('ann.askAgain')}</Checkbox>
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
