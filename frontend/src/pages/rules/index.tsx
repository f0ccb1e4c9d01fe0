import { App, Button, Divider, Form, InputNumber, Skeleton, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { RulesUpdate } from '../../client';
import { rulesReadRulesQueryKey, rulesUpdateRulesMutation } from '../../client/@tanstack/react-query.gen';
import { useRules } from '../../hooks/useCatalog';
import { ContentCard } from '../../components/ContentCard';
import { ErrorResult } from '../../components/ErrorResult';
import { formatTime } from '../../lib/format';
import { ForecastStageProbabilities } from '../../components/ForecastStageProbabilities';
import { PageHeader } from '../../components/PageHeader';
import { reportFieldErrors } from '../../lib/serverErrors';
import { useT } from '../../locales/i18n';
import { RULE_FIELDS, type RuleField } from './fields';
import { numberRule } from '../../lib/numberRules';

const GROUPS: RuleField['group'][] = ['protection', 'followup', 'pool'];

/** 规则设置 (vendor): protection periods, the near-expiry window, follow-up and pool rules. */
export default function RulesPage() {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RulesUpdate>();
  const rules = useRules();
  const save = useMutation({
    ...rulesUpdateRulesMutation(),
    meta: { silent: true },
    onSuccess: (saved) => {
      queryClient.setQueryData(rulesReadRulesQueryKey(), saved);
      void message.success(t('rules.saved'));
    },
    onError: reportFieldErrors(form),
  });
  useEffect(() => {
    if (rules.data) form.setFieldsValue(rules.data);
  }, [rules.data, form]);

  return (
    <>
      <PageHeader title={t('nav.rules')} subtitle={t('rules.subtitle')} />
      <ContentCard>
        {rules.isError ? <ErrorResult error={rules.error} onRetry={() => void rules.refetch()} /> : null}
        {rules.isPending ? <Skeleton active /> : null}
        {rules.data ? (
          <Form<RulesUpdate> form={form} layout="vertical" onFinish={(values) => save.mutate({ body: values })} style={{ maxWidth: 560 }} data-testid="rules-form">
            {GROUPS.map((group) => (
              <div key={group}>
                <Divider titlePlacement="start" style={{ marginTop: 0 }}>
                  {t(`rules.group.${group}`)}
                </Divider>
                {RULE_FIELDS.filter((f) => f.group === group).map((field) => (
                  <Form.Item
                    key={field.key}
                    name={field.key}
                    label={t(field.label)}
                    extra={t(field.help)}
                    rules={[
                      { required: true, message: t('rules.required') },
                      numberRule({ min: field.min, max: field.max, integer: true }, t('rules.range', { min: field.min, max: field.max })),
                    ]}
                  >
                    <InputNumber suffix={t(`rules.unit.${field.unit}`)} style={{ width: 180 }} />
                  </Form.Item>
                ))}
              </div>
            ))}
            <ForecastStageProbabilities />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('rules.updatedAt', { time: formatTime(rules.data.updated_at) })}
            </Typography.Paragraph>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="rules-save">
              {t('common.save')}
            </Button>
          </Form>
        ) : null}
      </ContentCard>
    </>
  );
}
