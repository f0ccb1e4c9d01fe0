// The entries table of the report being written: click a row to edit it again, remove new rows.
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../locales/i18n';
import type { EntryDraft } from './entries';
import { StageTag } from './StageTag';

export function EntriesTable({
  entries,
  editingKey,
  onEdit,
  onRemove,
}: {
  entries: EntryDraft[];
  editingKey: string | null;
  onEdit: (entry: EntryDraft) => void;
  onRemove: (key: string) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <Table<EntryDraft>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={entries}
      scroll={{ x: 'max-content' }}
      data-testid="entries-table"
      locale={{ emptyText: t('followup.entry.none') }}
      rowClassName={(entry) => (entry.key === editingKey ? 'ant-table-row-selected' : '')}
      onRow={(entry) => ({ onClick: () => onEdit(entry), style: { cursor: 'pointer' }, 'data-testid': 'entry-row' }) as object}
      columns={[
        { title: t('followup.entry.project'), dataIndex: 'projectName' },
        { title: t('followup.entry.stage'), dataIndex: 'stage', render: (_: unknown, entry) => <StageTag stage={entry.stage} /> },
        { title: t('followup.entry.volume'), dataIndex: 'annualVolume', align: 'right', render: (v: number) => formatNumber(v, lang) },
        { title: t('followup.entry.milestone'), key: 'milestone', render: (_: unknown, e) => [e.milestoneDate, e.milestoneText].filter(Boolean).join(' ') || '—' },
        {
          title: <span className="sr-only">{t('common.actions')}</span>,
          key: 'remove',
          width: 40,
          render: (_: unknown, entry) =>
            entry.saved ? null : (
              <Button
                type="text"
                danger
                size="small"
                icon={<DeleteOutlined />}
                aria-label={t('followup.entry.remove', { name: entry.projectName })}
                data-testid="entry-remove"
                onClick={(event) => {
                  event.stopPropagation();
                  onRemove(entry.key);
                }}
              />
            ),
        },
      ]}
    />
  );
}
