import { Divider, Form, InputNumber, Typography } from 'antd';
import { ProjectStage } from '../client';
import { useT } from '../locales/i18n';
import { numberRule } from '../lib/numberRules';

/**
 * The rules form's forecast part (vendor): the probability that a project at each stage turns into
 * mass-production shipments (0–1), as `stage_probabilities.<stage>`.
 */
export function ForecastStageProbabilities() {
  const t = useT();
  return (
    <div data-testid="stage-probabilities">
      <Divider titlePlacement="start">{t('sales.rules.stageProbabilities')}</Divider>
      <Typography.Paragraph type="secondary">{t('sales.rules.stageProbabilitiesHelp')}</Typography.Paragraph>
      {Object.values(ProjectStage).map((stage) => (
        <Form.Item
          key={stage}
          name={['stage_probabilities', stage]}
          label={t(`stage.${stage}`)}
          rules={[numberRule({ min: 0, max: 1 }, t('sales.rules.probabilityRange'))]}
        >
          <InputNumber step={0.05} style={{ width: 180 }} />
        </Form.Item>
      ))}
    </div>
  );
}
