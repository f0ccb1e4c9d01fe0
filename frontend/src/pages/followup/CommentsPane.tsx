// Comments (点评) on the selected report: on the whole report or on one entry. The vendor writes;
// the agent's side replies in the thread of an entry's question (需原厂解答的问题). Comments the
// caller had not read yet are highlighted.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { errorText } from '../../api';
import type { CommentPublic, ReportDetail } from '../../client';
import { reportsCommentMutation } from '../../client/@tanstack/react-query.gen';
import { formatTime } from '../../lib/format';
import { invalidateOperations } from '../../lib/queries';
import { useT } from '../../locales/i18n';
import { FOLLOWUP_OPERATIONS } from './useFollowup';

interface Values {
  target: number;
  body: string;
}

function CommentItem({ comment, about }: { comment: CommentPublic; about: string }) {
  const t = useT();
  return (
    <List.Item
      data-testid="comment"
      data-unread={comment.unread ? 'true' : 'false'}
      style={{ background: comment.unread ? '#f6ffed' : undefined, borderRadius: 6, paddingInline: 8, display: 'block' }}
    >
      <Space size={6} wrap>
        <Typography.Text strong>{comment.author.display_name}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatTime(comment.created_at)}
        </Typography.Text>
        <Tag>{about}</Tag>
        {comment.unread ? <Tag color="green">{t('followup.comment.new')}</Tag> : null}
      </Space>
      <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }} data-testid="comment-body">
        {comment.body}
      </Typography.Paragraph>
    </List.Item>
  );
}

export function CommentsPane({ report, canComment }: { report: ReportDetail | null; canComment: boolean }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const post = useMutation({
    ...reportsCommentMutation(),
    meta: { silent: true },
    onSuccess: () => {
      form.resetFields(['body']);
      void invalidateOperations(queryClient, ...FOLLOWUP_OPERATIONS);
    },
  });
  if (!report) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followup.comment.pick')} />;
  const asking = report.entries.filter((entry) => entry.open_questions.trim() !== '');
  const replies = !canComment && asking.length > 0;
  const targets = canComment
    ? [{ value: 0, label: t('followup.comment.onReport') }, ...report.entries.map((entry) => ({ value: entry.id, label: entry.project.name }))]
    : asking.map((entry) => ({ value: entry.id, label: `${entry.project.name}：${entry.open_questions}` }));
  const projectOf = new Map(report.entries.map((entry) => [entry.id, entry.project.name]));
  const about = (comment: CommentPublic) =>
    comment.entry_id === null ? t('followup.comment.onReport') : (projectOf.get(comment.entry_id) ?? t('followup.comment.onEntry'));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="comments-pane">
      <List<CommentPublic>
        size="small"
        dataSource={report.comments}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followup.comment.none')} /> }}
        renderItem={(comment) => <CommentItem key={comment.id} comment={comment} about={about(comment)} />}
      />
      {canComment || replies ? (
        <Form<Values>
          key={report.id}
          form={form}
          layout="vertical"
          size="small"
          initialValues={{ target: targets[0]?.value ?? 0, body: '' }}
          onFinish={(values) =>
            post.mutate({
              path: { report_id: report.id },
              body: { body: values.body.trim(), entry_id: values.target === 0 ? null : values.target },
            })
          }
        >
          <Form.Item name="target" label={t(replies ? 'followup.reply.target' : 'followup.comment.target')}>
            <Select data-testid="comment-target" options={targets} />
          </Form.Item>
          <Form.Item
            name="body"
            label={t(replies ? 'followup.reply.body' : 'followup.comment.body')}
            rules={[{ required: true, whitespace: true, message: t('followup.comment.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="comment-input" />
          </Form.Item>
          {post.isError ? <Alert type="error" showIcon title={errorText(post.error)} style={{ marginBottom: 8 }} /> : null}
          <Button type="primary" htmlType="submit" loading={post.isPending} data-testid="comment-submit">
            {t(replies ? 'followup.reply.submit' : 'followup.comment.submit')}
          </Button>
        </Form>
      ) : null}
    </Space>
  );
}
