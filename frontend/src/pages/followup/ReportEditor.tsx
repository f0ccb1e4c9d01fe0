// The report content pane while writing: customer news, the entry form and the entries table.
import { Alert, Button, DatePicker, Divider, Form, Input, Popconfirm, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { errorText } from '../../api';
import { useT } from '../../locales/i18n';
import { hasProject } from './entries';
import { EntriesTable } from './EntriesTable';
import { EntryForm, type EntryFormHandle } from './EntryForm';
import type { ReportEditorState } from './useReportEditor';
import { shanghaiToday } from '../../lib/format';

export const NEWS_MIN = 2;

export function ReportEditor({ editor, editsNews }: { editor: ReportEditorState; editsNews: boolean }) {
  const t = useT();
  const { draft, mode, entry } = editor;
  const isNew = mode === 'new';
  const newsShort = draft.customerNews.trim().length < NEWS_MIN;
  const inTable = draft.entries.some((e) => e.key === entry.key);
  const entryForm = useRef<EntryFormHandle>(null);
  // The entry form held a filled but incomplete entry at submit: say so instead of dropping it.
  const [entryIncomplete, setEntryIncomplete] = useState(false);
  const submit = async () => {
    const pending = (await entryForm.current?.pending()) ?? null;
    setEntryIncomplete(pending === 'invalid');
    if (pending !== 'invalid') editor.submit(pending);
  };
  return (
    <div data-testid="report-editor" data-mode={mode}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {isNew ? t('followup.newReport') : t('followup.editReport')}
      </Typography.Title>
      {isNew ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('followup.draftHint')}
        </Typography.Paragraph>
      ) : null}
      <Form layout="vertical" size="small" component="div">
        <Form.Item label={t('followup.reportDate')} extra={isNew ? t('followup.reportDateHint') : undefined}>
          <DatePicker
            value={draft.reportDate ? dayjs(draft.reportDate) : null}
            onChange={(day) => editor.setDate(day ? day.format('YYYY-MM-DD') : null)}
            disabledDate={(day) => day.isAfter(shanghaiToday(), 'day')}
            disabled={!editsNews}
            style={{ width: '100%', maxWidth: 220 }}
            data-testid="report-date"
          />
        </Form.Item>
        <Form.Item
          label={t('followup.news')}
          htmlFor="followup-news"
          required
          extra={editsNews ? t('followup.newsHint') : t('followup.newsReadOnly')}
        >
          <Input.TextArea
            id="followup-news"
            value={draft.customerNews}
            onChange={(event) => editor.setNews(event.target.value)}
            readOnly={!editsNews}
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={4000}
            data-testid="report-news"
          />
        </Form.Item>
      </Form>
      <Divider titlePlacement="start" plain style={{ margin: '8px 0' }}>
        {t('followup.entries')}
      </Divider>
      <EntriesTable entries={draft.entries} editingKey={entry.key} onEdit={editor.editEntry} onRemove={editor.removeEntry} />
      <Divider titlePlacement="start" plain style={{ margin: '12px 0 8px' }}>
        {inTable ? t('followup.entry.editing', { name: entry.projectName }) : t('followup.entry.title')}
      </Divider>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('followup.entry.importTip')}
      </Typography.Paragraph>
      <EntryForm
        key={entry.key + (entry.projectId ?? '')}
        entry={entry}
        inTable={inTable}
        duplicate={(next) => hasProject(draft.entries, next)}
        onAdd={(next) => {
          setEntryIncomplete(false);
          editor.addEntry(next);
        }}
        onClear={() => {
          setEntryIncomplete(false);
          editor.clearEntry();
        }}
        handle={entryForm}
      />
      <Divider style={{ margin: '16px 0' }} />
      {entryIncomplete ? (
        <Alert type="warning" showIcon title={t('followup.entry.incomplete')} style={{ marginBottom: 12 }} data-testid="entry-incomplete" />
      ) : null}
      {editor.error ? <Alert type="error" showIcon title={errorText(editor.error)} style={{ marginBottom: 12 }} data-testid="report-error" /> : null}
      <Space wrap>
        <Button
          type="primary"
          onClick={() => void submit()}
          loading={editor.submitting}
          disabled={newsShort}
          data-testid="report-submit"
        >
          {isNew ? t('followup.submit') : t('followup.submitEdit')}
        </Button>
        <Popconfirm
          title={isNew ? t('followup.discardDraft') : t('followup.discardEdit')}
          okText={t('followup.discard')}
          cancelText={t('common.cancel')}
          onConfirm={editor.cancel}
          disabled={!editor.dirty}
        >
          <Button onClick={editor.dirty ? undefined : editor.cancel} data-testid="report-cancel">
            {t('common.cancel')}
          </Button>
        </Popconfirm>
      </Space>
    </div>
  );
}
