import { Flex, Progress, Space, theme, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ConflictCandidate } from '../client';
import { scorePercent } from '../lib/candidates';
import { CustomerStatusTag } from './StatusTags';

/** Possibly-same companies: name, similarity, why, and their state (never who holds them). */
export function CandidateList({
  candidates,
  action,
  testId = 'candidates',
}: {
  candidates: ConflictCandidate[];
  action?: (candidate: ConflictCandidate) => ReactNode;
  testId?: string;
}) {
  const { token } = theme.useToken();
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid={testId}>
      {candidates.map((candidate, index) => (
        <li
          key={`${candidate.name}-${index}`}
          data-testid="candidate"
          style={{
            padding: '8px 12px',
            borderTop: index ? `1px solid ${token.colorBorderSecondary}` : undefined,
          }}
        >
          <Flex justify="space-between" align="center" gap={12} wrap>
            <Space orientation="vertical" size={2} style={{ minWidth: 0, flex: 1 }}>
              <Space wrap size={[8, 0]}>
                <Typography.Text strong data-testid="candidate-name">
                  {candidate.name}
                </Typography.Text>
                <CustomerStatusTag status={candidate.status} />
              </Space>
              <Space wrap size={[12, 0]} style={{ fontSize: 12 }}>
                <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }}>
                  <Progress
                    type="line"
                    percent={Math.round(candidate.score * 100)}
                    showInfo={false}
                    status="normal"
                    size={[60, 6]}
                    aria-hidden
                  />
                  <Typography.Text data-testid="candidate-score">{scorePercent(candidate.score)}</Typography.Text>
                </span>
                <Typography.Text type="secondary">{candidate.reason}</Typography.Text>
                {candidate.status_text ? <Typography.Text type="secondary">{candidate.status_text}</Typography.Text> : null}
              </Space>
            </Space>
            {action?.(candidate)}
          </Flex>
        </li>
      ))}
    </ul>
  );
}
