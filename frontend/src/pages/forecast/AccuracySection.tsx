import { Card, Col, Empty, Flex, Row, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { AccuracySeries } from '../../client';
import { ChartPanel } from '../../components/ChartPanel';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../locales/i18n';
import { accuracyOption } from './stacking';
import { useAccuracy } from './useForecast';

function MapeTable({ title, series, testId }: { title: string; series: AccuracySeries[]; testId: string }) {
  const { t, lang } = useI18n();
  const columns: ColumnsType<AccuracySeries> = [
    { key: 'label', title, dataIndex: 'label' },
    { key: 'points', title: t('sales.forecast.points'), align: 'right', render: (_, s) => s.points.length },
    {
      key: 'mape',
      title: t('sales.forecast.mape'),
      align: 'right',
      render: (_, s) => (s.mape === null ? '—' : `${formatNumber(s.mape, lang)}%`),
    },
  ];
  return <Table<AccuracySeries> rowKey="key" size="small" columns={columns} dataSource={series} pagination={false} data-testid={testId} />;
}

/** Forecast vs actual per model, and MAPE per model and per agent (vendor, master, assistant). */
export function AccuracySection() {
  const t = useI18n().t;
  const [monthsBack, setMonthsBack] = useState(6);
  const accuracy = useAccuracy(true, monthsBack);
  const [modelKey, setModelKey] = useState<number | null>(null);
  const byModel = accuracy.data?.by_model ?? [];
  const current = byModel.find((s) => s.key === modelKey) ?? byModel[0];
  const option = useMemo(
    () => accuracyOption(current, { forecast: t('sales.forecast.forecastSeries'), actual: t('sales.forecast.actualSeries') }),
    [current, t],
  );
  const empty = !accuracy.isPending && byModel.every((s) => s.points.length === 0);

  return (
    <Card
      title={t('sales.forecast.accuracy')}
      style={{ marginTop: 16 }}
      data-testid="forecast-accuracy"
      extra={
        <Select<number>
          size="small"
          value={monthsBack}
          onChange={setMonthsBack}
          prefix={t('sales.forecast.monthsBack')}
          options={[3, 6, 12, 24].map((n) => ({ value: n, label: t('sales.forecast.monthsN', { n }) }))}
          style={{ width: 150 }}
        />
      }
    >
      {accuracy.isError ? <LoadErrorAlert error={accuracy.error} onRetry={() => void accuracy.refetch()} /> : null}
      {accuracy.data ? (
        <Typography.Paragraph type="secondary">
          {t('sales.forecast.accuracyHelp', { lead: accuracy.data.lead_months })}
        </Typography.Paragraph>
      ) : null}
      {empty ? (
        <Empty description={t('sales.forecast.accuracyEmpty')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Flex justify="flex-end" style={{ marginBottom: 8 }}>
              <Select<number>
                size="small"
                value={current?.key}
                onChange={setModelKey}
                options={byModel.map((s) => ({ value: s.key, label: s.label }))}
                placeholder={t('sales.forecast.pickModel')}
                style={{ width: 200 }}
                aria-label={t('sales.forecast.pickModel')}
              />
            </Flex>
            <ChartPanel option={option} loading={accuracy.isFetching} height={280} testId="accuracy-chart" ariaLabel={t('sales.forecast.accuracy')} />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Typography.Title level={5}>{t('sales.forecast.mapeByModel')}</Typography.Title>
            <MapeTable title={t('sales.forecast.model')} series={byModel} testId="mape-by-model" />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Typography.Title level={5}>{t('sales.forecast.mapeByAgent')}</Typography.Title>
            <MapeTable title={t('sales.forecast.agent')} series={accuracy.data?.by_agent ?? []} testId="mape-by-agent" />
          </Col>
        </Row>
      )}
    </Card>
  );
}
