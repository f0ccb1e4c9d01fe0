// The report content pane's state: viewing, writing a new report (kept as a draft in
// localStorage) or editing one (PUT), the entry in the form, and submitting.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ProjectPublic, ReportDetail } from '../../client';
import { reportsEditReportMutation, reportsSubmitReportMutation } from '../../client/@tanstack/react-query.gen';
import { invalidateOperations } from '../../lib/queries';
import { clearDraft, draftKey, loadDraft, saveDraft } from './draft';
import {
  blankEntry,
  draftFromReport,
  EMPTY_REPORT,
  entryFromProject,
  isDirty,
  removeEntry,
  reportBody,
  upsertEntry,
  type EntryDraft,
  type ReportDraft,
} from './entries';
import { FOLLOWUP_OPERATIONS } from './useFollowup';

export type EditorMode = 'view' | 'new' | 'edit';

export function useReportEditor({
  customerId,
  userId,
  writes,
  onSaved,
}: {
  customerId: number;
  userId: number;
  writes: boolean;
  onSaved: (reportId: number) => void;
}) {
  const queryClient = useQueryClient();
  const key = draftKey(customerId, userId);
  const [stored] = useState(() => (writes ? loadDraft(key) : null));
  const [mode, setMode] = useState<EditorMode>(stored ? 'new' : 'view');
  const [editing, setEditing] = useState<ReportDetail | null>(null);
  const [draft, setDraft] = useState<ReportDraft>(stored ?? EMPTY_REPORT);
  const [original, setOriginal] = useState<ReportDraft>(EMPTY_REPORT);
  const [entry, setEntry] = useState<EntryDraft>(blankEntry);

  useEffect(() => {
    if (mode === 'new') saveDraft(key, draft);
  }, [mode, key, draft]);

  const saved = (reportId: number) => {
    void invalidateOperations(queryClient, ...FOLLOWUP_OPERATIONS);
    setMode('view');
    setEditing(null);
    setOriginal(EMPTY_REPORT);
    setDraft(EMPTY_REPORT);
    onSaved(reportId);
  };
  const create = useMutation({
    ...reportsSubmitReportMutation(),
    meta: { silent: true },
    onSuccess: (report) => {
      clearDraft(key);
      saved(report.id);
    },
  });
  const edit = useMutation({ ...reportsEditReportMutation(), meta: { silent: true }, onSuccess: (report) => saved(report.id) });

  return {
    mode,
    editing,
    draft,
    entry,
    dirty: mode !== 'view' && isDirty(draft, original),
    error: create.error ?? edit.error,
    submitting: create.isPending || edit.isPending,
    startNew: () => {
      create.reset();
      setDraft(loadDraft(key) ?? EMPTY_REPORT);
      setOriginal(EMPTY_REPORT);
      setEntry(blankEntry());
      setMode('new');
    },
    startEdit: (report: ReportDetail) => {
      edit.reset();
      const current = draftFromReport(report);
      setDraft(current);
      setOriginal(current);
      setEditing(report);
      setEntry(blankEntry());
      setMode('edit');
    },
    /** Leave the editor; a new report's draft is thrown away. */
    cancel: () => {
      if (mode === 'new') clearDraft(key);
      setMode('view');
      setEditing(null);
      setDraft(EMPTY_REPORT);
      setOriginal(EMPTY_REPORT);
    },
    setNews: (customerNews: string) => setDraft((d) => ({ ...d, customerNews })),
    setDate: (reportDate: string | null) => setDraft((d) => ({ ...d, reportDate })),
    addEntry: (next: EntryDraft) => {
      setDraft((d) => ({ ...d, entries: upsertEntry(d.entries, next) }));
      setEntry(blankEntry());
    },
    editEntry: setEntry,
    clearEntry: () => setEntry(blankEntry()),
    removeEntry: (rowKey: string) => {
      setDraft((d) => ({ ...d, entries: removeEntry(d.entries, rowKey) }));
      if (entry.key === rowKey) setEntry(blankEntry());
    },
    /** One click in pane 3: the project with its current values (or its row, when already added). */
    importProject: (project: ProjectPublic) => {
      const row = draft.entries.find((e) => e.projectId === project.id);
      setEntry(row ?? entryFromProject(project));
    },
    /** Send the report; `pending`: the entry form's filled but not yet added entry, added first. */
    submit: (pending: EntryDraft | null = null) => {
      const sent = pending ? { ...draft, entries: upsertEntry(draft.entries, pending) } : draft;
      if (pending) {
        setDraft(sent);
        setEntry(blankEntry());
      }
      if (mode === 'new') create.mutate({ path: { customer_id: customerId }, body: reportBody(sent, 'new') });
      // The version the edit started from: the server refuses it when someone saved meanwhile.
      if (mode === 'edit' && editing)
        edit.mutate({ path: { report_id: editing.id }, body: { ...reportBody(sent, 'edit'), version: editing.version } });
    },
  };
}

export type ReportEditorState = ReturnType<typeof useReportEditor>;
