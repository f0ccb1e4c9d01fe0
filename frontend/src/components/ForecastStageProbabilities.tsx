import { Divider, Form, InputNumber, Typography } from 'antd';
import { ProjectStage } from '../client';
import { useT } from '../locales/i18n';

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
          rules={[{ type: 'number', min: 0, max: 1, message: t('sales.rules.probabilityRange') }]}
        >
          <InputNumber min={0} max={1} step={0.05} precision={2} style={{ width: 180 }} />
        </Form.Item>
      ))}
    </div>
  );
}
