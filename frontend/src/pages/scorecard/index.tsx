import { DatePicker, Form, Segmented, Typography } from 'antd';
import { ContentCard } from '../../components/ContentCard';
import { ExportMenu } from '../../components/ExportMenu';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../locales/i18n';
import { PERIOD_CHOICES } from './scorecard';
import { ScorecardTable } from './ScorecardTable';
import { useScorecard } from './useScorecard';
import { shanghaiToday } from '../../lib/format';

/** 考核: the agents' and salespeople's follow-up compliance over a period; .xlsx / CSV. */
export default function ScorecardPage() {
  const t = useT();
  const { filters, setFilters, query, exportCall } = useScorecard();
  const card = query.data;

  return (
    <>
      <PageHeader
        title={t('scorecard.nav')}
        subtitle={t('scorecard.subtitle')}
        extra={<ExportMenu call={exportCall} name="scorecard" testId="scorecard-export" />}
      />
      <ContentCard>
        <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item label={t('scorecard.period')}>
            <Segmented<number>
              value={filters.months}
              onChange={(months) => setFilters({ ...filters, months })}
              options={PERIOD_CHOICES.map((n) => ({ value: n, label: t('scorecard.months', { n }) }))}
              data-testid="scorecard-period"
            />
          </Form.Item>
          <Form.Item label={t('scorecard.endMonth')}>
            <DatePicker
              picker="month"
              value={filters.endMonth}
              allowClear
              placeholder={shanghaiToday().format('YYYY-MM')}
              disabledDate={(day) => day.isAfter(shanghaiToday(), 'month')}
              onChange={(endMonth) => setFilters({ ...filters, endMonth })}
            />
          </Form.Item>
          {card ? (
            <Form.Item>
              <Typography.Text type="secondary" data-testid="scorecard-range">
                {t('scorecard.range', { from: card.date_from, to: card.date_to })}
              </Typography.Text>
            </Form.Item>
          ) : null}
        </Form>
        {query.isError ? <LoadErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
        {query.isError && !card ? null : <ScorecardTable card={card} loading={query.isFetching} />}
      </ContentCard>
    </>
  );
}
