import { Card, Typography } from 'antd';
import { useMemo } from 'react';
import { useCurrentUser } from '../../app/auth';
import { ChartPanel } from '../../components/ChartPanel';
import { ContentCard } from '../../components/ContentCard';
import { ExportMenu } from '../../components/ExportMenu';
import { formatTime } from '../../lib/format';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ProjectStage } from '../../client';
import { isEnumValue } from '../../lib/enums';
import { useT } from '../../locales/i18n';
import { AccuracySection } from './AccuracySection';
import { ForecastFilterBar } from './ForecastFilterBar';
import { ForecastTable } from './ForecastTable';
import { stackByStage, stageOption } from './stacking';
import { useForecast } from './useForecast';

/** 需求预测: expected demand per MCU model and month, by stage; accuracy against shipments. */
export default function ForecastPage() {
  const t = useT();
  const { access } = useCurrentUser();
  const { filters, setFilters, query, exportCall } = useForecast();
  const forecast = query.data;
  const option = useMemo(() => {
    if (!forecast) return {};
    const stageName = (stage: string) => (isEnumValue(ProjectStage, stage) ? t(`stage.${stage}`) : stage);
    return stageOption(forecast.months, stackByStage(forecast), stageName);
  }, [forecast, t]);
  const empty = !forecast || forecast.by_stage.length === 0;

  return (
    <>
      <PageHeader
        title={t('sales.nav.forecast')}
        subtitle={t('sales.forecast.subtitle')}
        extra={<ExportMenu call={exportCall} name="forecast" testId="forecast-export" />}
      />
      <ContentCard>
        <ForecastFilterBar filters={filters} onChange={setFilters} showAgent={access.seesAllAgents} />
        {query.isError ? <LoadErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
        <Card size="small" title={t('sales.forecast.byStage')} style={{ marginBottom: 16 }}>
          <ChartPanel
            option={option}
            loading={query.isFetching}
            empty={!query.isPending && empty}
            emptyText={t('sales.forecast.empty')}
            testId="forecast-stage-chart"
            ariaLabel={t('sales.forecast.byStage')}
          />
        </Card>
        <Card size="small" title={t('sales.forecast.byModel')}>
          <ForecastTable forecast={forecast} loading={query.isFetching} />
        </Card>
        {forecast ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
            {t('sales.forecast.generatedAt', { time: formatTime(forecast.generated_at) })}
          </Typography.Paragraph>
        ) : null}
      </ContentCard>
      {access.seesForecastAccuracy ? <AccuracySection /> : null}
    </>
  );
}
