import { InfoCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Space, Typography } from 'antd';
import { errorText } from '../../api';
import type { CheckResult, ConflictCandidate } from '../../client';
import { CandidateList } from '../../components/CandidateList';
import { useT } from '../../locales/i18n';
import { checkAlert, CHECK_MIN_CHARS, nameHints } from './checkAlert';

/** Under the name field: the live check's verdict, the similar companies and the name hints. */
export function NameCheckPanel({
  result,
  checking,
  error,
  tooShort,
  onApplyFromPool,
}: {
  result: CheckResult | undefined;
  checking: boolean;
  error: unknown;
  tooShort: boolean;
  onApplyFromPool: (candidate: ConflictCandidate) => void;
}) {
  const t = useT();
  if (checking && !result) {
    return (
      <Typography.Text type="secondary" data-testid="name-checking">
        <LoadingOutlined /> {t('register.check.checking')}
      </Typography.Text>
    );
  }
  if (error) return <Alert type="info" showIcon title={t('register.check.failed')} description={errorText(error)} />;
  if (!result) {
    return tooShort ? (
      <Typography.Text type="secondary">{t('register.check.tooShort', { min: CHECK_MIN_CHARS })}</Typography.Text>
    ) : null;
  }
  const alert = checkAlert(result);
  const hints = nameHints(result.warnings);
  return (
    <Flex vertical gap={8} data-testid="name-check" data-kind={alert.kind}>
      <Alert
        type={alert.type}
        showIcon
        title={t(alert.title)}
        description={t(alert.text)}
        data-testid={`check-${alert.kind}`}
      />
      {result.candidates.length ? (
        <CandidateList
          candidates={result.candidates}
          action={(candidate) =>
            alert.kind === 'blocked' && candidate.pool_customer_id != null ? (
              <Button size="small" type="primary" ghost onClick={() => onApplyFromPool(candidate)} data-testid="apply-from-pool">
                {t('register.applyFromPool')}
              </Button>
            ) : null
          }
        />
      ) : null}
      {hints.length ? (
        <Space orientation="vertical" size={2} data-testid="name-hints">
          {hints.map((key) => (
            <Typography.Text key={key} type="warning">
              <InfoCircleOutlined /> {t(key)}
            </Typography.Text>
          ))}
        </Space>
      ) : null}
    </Flex>
  );
}
