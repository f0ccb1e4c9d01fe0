import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { deskListQuestions, type Question, type QuestionStatus } from '../../client';
import { deskListQuestionsOptions, reportsCommentMutation } from '../../client/@tanstack/react-query.gen';
import { ExportMenu } from '../../components/ExportMenu';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { ReasonModal } from '../../components/ReasonModal';
import { useTableState } from '../../hooks/useTableState';
import { formatTime } from '../../lib/format';
import { invalidateOperations } from '../../lib/queries';
import { serverPagination } from '../../lib/tablePaging';
import { useT } from '../../locales/i18n';

/** The questions inbox: every entry's question for the manufacturer, oldest first, answered with a comment. */
export function Questions({ onOpenCustomer, canAnswer }: { onOpenCustomer: (id: number) => void; canAnswer: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const table = useTableState();
  const [status, setStatus] = useState<QuestionStatus>('open');
  const [answering, setAnswering] = useState<Question | null>(null);
  const query = useQuery({
    ...deskListQuestionsOptions({ query: { ...table.query, status } }),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
  const answer = useMutation({
    ...reportsCommentMutation(),
    onSuccess: () => {
      void invalidateOperations(queryClient, 'deskListQuestions', 'deskReadDesk', 'reportsReadReport');
      void message.success(t('desk.questions.answerSent'));
      setAnswering(null);
    },
  });

  const columns: ColumnsType<Question> = [
    {
      title: t('desk.report.customer'),
      key: 'customer',
      render: (_: unknown, q) => (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => onOpenCustomer(q.customer.id)}>
          {q.customer.name}
        </Button>
      ),
    },
    { title: t('desk.report.agent'), key: 'agent', render: (_: unknown, q) => q.agent.name },
    { title: t('desk.report.author'), key: 'author', render: (_: unknown, q) => q.author.display_name },
    { title: t('desk.questions.project'), key: 'project', render: (_: unknown, q) => q.project.name },
    {
      title: t('desk.questions.question'),
      dataIndex: 'question',
      render: (v: string, q) => (
        <div style={{ minWidth: 200, maxWidth: 400, whiteSpace: 'pre-wrap' }}>
          {v}
          {q.replied_at && !q.answered ? (
            <Tag color="orange" style={{ marginInlineStart: 6 }} data-testid="question-replied">
              {t('desk.questions.replied', { time: formatTime(q.replied_at) })}
            </Tag>
          ) : null}
        </div>
      ),
    },
    { title: t('desk.questions.asked'), dataIndex: 'asked_at', render: (v: string) => formatTime(v) },
    status === 'open'
      ? { title: t('desk.questions.age'), dataIndex: 'age_days', render: (days: number) => t('desk.questions.ageDays', { days }) }
      : { title: t('desk.questions.answeredAt'), dataIndex: 'answered_at', render: (v: string | null) => formatTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, q) => (
        <Space size={4}>
          {canAnswer && status === 'open' ? (
            <Button type="link" size="small" onClick={() => setAnswering(q)} data-testid="question-answer">
              {t('desk.questions.answer')}
            </Button>
          ) : null}
          <Link to={`/customers/${q.customer.id}/followup?report=${q.report_id}`}>{t('desk.report.open')}</Link>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Segmented<QuestionStatus>
          value={status}
          onChange={(value) => {
            setStatus(value);
            table.resetPage();
          }}
          options={[
            { value: 'open', label: t('desk.questions.open') },
            { value: 'answered', label: t('desk.questions.answered') },
          ]}
          data-testid="question-status"
        />
        <ExportMenu
          call={(format) => deskListQuestions({ query: { status, format }, parseAs: 'blob', throwOnError: true })}
          name="questions"
          testId="questions-export"
        />
      </Flex>
      {query.isError ? <LoadErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Table<Question>
        rowKey="entry_id"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        size="middle"
        data-testid="desk-questions"
        locale={{
          emptyText: query.isPending ? ' ' : t(status === 'open' ? 'desk.questions.noneOpen' : 'desk.questions.noneAnswered'),
        }}
        pagination={serverPagination(t, table.state, query.data?.total)}
        onChange={table.onChange}
      />
      <ReasonModal
        open={answering !== null}
        title={t('desk.questions.answerTitle', { customer: answering?.customer.name ?? '' })}
        description={
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            <Typography.Text type="secondary">{t('desk.questions.answerText')}</Typography.Text>
            <br />
            {answering?.question}
          </Typography.Paragraph>
        }
        label={t('desk.questions.answerLabel')}
        minLength={1}
        okText={t('desk.questions.answer')}
        loading={answer.isPending}
        onSubmit={(body) =>
          answering &&
          answer.mutate({ path: { report_id: answering.report_id }, body: { body, entry_id: answering.entry_id } })
        }
        onCancel={() => setAnswering(null)}
        testId="answer-modal"
      />
    </>
  );
}
