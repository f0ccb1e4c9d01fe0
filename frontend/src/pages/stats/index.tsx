import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { reportError } from '../../api';
import { useCurrentUser } from '../../app/auth';
import { ChartPanel } from '../../components/ChartPanel';
import { ContentCard } from '../../components/ContentCard';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../locales/i18n';
import { breakdownItems, breakdownOption, trendOption, trendSeries } from './series';
import { StatsFilterBar } from './StatsFilterBar';
import { StatsTable } from './StatsTable';
import { useStats } from './useStats';

/** 出货统计: shipments by period and dimension, compared with the previous period; .xlsx / CSV. */
export default function StatsPage() {
  const t = useT();
  const { message } = App.useApp();
  const { access } = useCurrentUser();
  const { filters, setFilters, query, download } = useStats();
  const [kind, setKind] = useState<'bar' | 'pie'>('bar');
  const [downloading, setDownloading] = useState<'xlsx' | 'csv' | null>(null);
  const stats = query.data;
  const empty = !stats || stats.total.quantity === 0;
  const trend = useMemo(() => (stats ? trendOption(trendSeries(stats, t('sales.stats.total'))) : {}), [stats, t]);
  const breakdown = useMemo(() => (stats ? breakdownOption(breakdownItems(stats), kind) : {}), [stats, kind]);

  const onDownload = (format: 'xlsx' | 'csv') => {
    setDownloading(format);
    download(format).then(
      () => void message.success(t('sales.stats.downloaded')),
      (error: unknown) => reportError(error),
    ).finally(() => setDownloading(null));
  };

  return (
    <>
      <PageHeader
        title={t('sales.nav.stats')}
        subtitle={t('sales.stats.subtitle')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} loading={downloading === 'xlsx'} onClick={() => onDownload('xlsx')} data-testid="stats-xlsx">
              {t('sales.stats.exportXlsx')}
            </Button>
            <Button icon={<DownloadOutlined />} loading={downloading === 'csv'} onClick={() => onDownload('csv')} data-testid="stats-csv">
              {t('sales.stats.exportCsv')}
            </Button>
          </>
        }
      />
      <ContentCard>
        <StatsFilterBar filters={filters} onChange={setFilters} showAgent={access.seesAllAgents} />
        {query.isError ? <LoadErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={filters.groupBy === 'none' ? 24 : 14}>
            <Card size="small" title={t('sales.stats.trend')}>
              <ChartPanel
                option={trend}
                loading={query.isFetching}
                empty={!query.isPending && empty}
                emptyText={t('sales.stats.empty')}
                testId="stats-trend"
                ariaLabel={t('sales.stats.trend')}
              />
            </Card>
          </Col>
          {filters.groupBy !== 'none' ? (
            <Col xs={24} xl={10}>
              <Card
                size="small"
                title={t('sales.stats.breakdown', { dimension: t(`sales.stats.dimension.${filters.groupBy}`) })}
                extra={
                  <Segmented<'bar' | 'pie'>
                    size="small"
                    value={kind}
                    onChange={setKind}
                    options={[
                      { value: 'bar', label: t('sales.stats.bar') },
                      { value: 'pie', label: t('sales.stats.pie') },
                    ]}
                  />
                }
              >
                <ChartPanel
                  option={breakdown}
                  loading={query.isFetching}
                  empty={!query.isPending && empty}
                  emptyText={t('sales.stats.empty')}
                  testId="stats-breakdown"
                  ariaLabel={t('sales.stats.breakdownAria')}
                />
              </Card>
            </Col>
          ) : null}
          <Col span={24}>
            {!query.isPending && empty ? null : <StatsTable stats={stats} loading={query.isFetching} />}
          </Col>
        </Row>
      </ContentCard>
    </>
  );
}
