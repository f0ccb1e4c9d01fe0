// The report editor's entries (项目条目) as plain data: importing a project with its current
// values, adding / replacing / removing rows of the entries table, and the POST / PUT body.
import type { EntryIn, EntryPublic, ProjectPublic, ProjectStage, ReportDetail, ReportIn } from '../../client';

export interface EntryDraft {
  /** Row key in the editor. */
  key: string;
  /** An existing project ("import") or null for a new one. */
  projectId: number | null;
  projectName: string;
  /** New projects only: what the customer's product is. */
  product: string;
  stage: ProjectStage;
  progress: string;
  mcuModelId: number | null;
  productDomainId: number | null;
  annualVolume: number;
  milestoneDate: string | null;
  milestoneText: string;
  openQuestions: string;
  /** Already saved in the report being edited: cannot be removed (entries_cannot_be_removed). */
  saved: boolean;
}

export interface ReportDraft {
  reportDate: string | null;
  customerNews: string;
  entries: EntryDraft[];
}

export const EMPTY_REPORT: ReportDraft = { reportDate: null, customerNews: '', entries: [] };

let counter = 0;
export function newKey(): string {
  counter += 1;
  return `e${Date.now().toString(36)}${counter}`;
}

export function blankEntry(): EntryDraft {
  return {
    key: newKey(),
    projectId: null,
    projectName: '',
    product: '',
    stage: 'lead',
    progress: '',
    mcuModelId: null,
    productDomainId: null,
    annualVolume: 0,
    milestoneDate: null,
    milestoneText: '',
    openQuestions: '',
    saved: false,
  };
}

/** The manual's double-click in area 5: the project's current state, ready to update. */
export function entryFromProject(project: ProjectPublic): EntryDraft {
  return {
    key: newKey(),
    projectId: project.id,
    projectName: project.name,
    product: project.product,
    stage: project.stage,
    progress: project.progress,
    mcuModelId: project.mcu_model?.id ?? null,
    productDomainId: project.product_domain.id,
    annualVolume: project.annual_volume,
    milestoneDate: project.milestone_date,
    milestoneText: project.milestone_text,
    openQuestions: project.open_questions,
    saved: false,
  };
}

export function entryFromSaved(entry: EntryPublic): EntryDraft {
  return {
    key: `saved-${entry.id}`,
    projectId: entry.project.id,
    projectName: entry.project.name,
    product: '',
    stage: entry.stage,
    progress: entry.progress,
    mcuModelId: entry.mcu_model?.id ?? null,
    productDomainId: entry.product_domain.id,
    annualVolume: entry.annual_volume,
    milestoneDate: entry.milestone_date,
    milestoneText: entry.milestone_text,
    openQuestions: entry.open_questions,
    saved: true,
  };
}

/** The edit flow: the report as it is, ready to change. */
export function draftFromReport(report: ReportDetail): ReportDraft {
  return {
    reportDate: report.report_date,
    customerNews: report.customer_news,
    entries: report.entries.map(entryFromSaved),
  };
}

/** Is this project already in the table (the server refuses a project twice in a report)? */
export function hasProject(entries: EntryDraft[], entry: Pick<EntryDraft, 'key' | 'projectId' | 'projectName'>): boolean {
  const name = entry.projectName.trim();
  return entries.some(
    (other) =>
      other.key !== entry.key &&
      (entry.projectId !== null ? other.projectId === entry.projectId : other.projectId === null && other.projectName.trim() === name),
  );
}

/** The entry's content, without its row key and saved flag: what the user wrote. */
function content({ key: _key, saved: _saved, ...rest }: EntryDraft): string {
  return JSON.stringify(rest);
}

/**
 * Would submitting now lose what the entry form holds? A table row being edited again (`row`)
 * counts when its values differ from the row; anything else counts unless it is still the blank new entry.
 */
export function isPendingEntry(current: EntryDraft, row: EntryDraft | null): boolean {
  if (row) return content(current) !== content(row);
  return current.projectId !== null || content(current) !== content(blankEntry());
}

/** "添加到表格": a new row, or the row being edited again (same key) replaced in place. */
export function upsertEntry(entries: EntryDraft[], entry: EntryDraft): EntryDraft[] {
  const at = entries.findIndex((other) => other.key === entry.key);
  if (at < 0) return [...entries, entry];
  const next = [...entries];
  next[at] = { ...entry, saved: entries[at].saved };
  return next;
}

/** Remove a row before submitting; saved entries of an existing report stay. */
export function removeEntry(entries: EntryDraft[], key: string): EntryDraft[] {
  return entries.filter((entry) => entry.key !== key || entry.saved);
}

export function toEntryIn(entry: EntryDraft): EntryIn {
  return {
    ...(entry.projectId !== null
      ? { project_id: entry.projectId }
      : { new_project: { name: entry.projectName.trim(), product: entry.product.trim() } }),
    stage: entry.stage,
    progress: entry.progress.trim(),
    mcu_model_id: entry.mcuModelId,
    product_domain_id: entry.productDomainId ?? 0,
    annual_volume: entry.annualVolume,
    milestone_date: entry.milestoneDate,
    milestone_text: entry.milestoneText.trim(),
    open_questions: entry.openQuestions.trim(),
  };
}

/** The body of POST /customers/{id}/reports (new) and PUT /reports/{id} (edit). */
export function reportBody(draft: ReportDraft, mode: 'new' | 'edit'): ReportIn {
  const body: ReportIn = { customer_news: draft.customerNews.trim(), entries: draft.entries.map(toEntryIn) };
  // A new report without a date is today's; an edited one keeps its date unless changed.
  if (draft.reportDate) body.report_date = draft.reportDate;
  return mode === 'new' || draft.reportDate ? body : { ...body, report_date: undefined };
}

/** Has the user changed anything worth keeping? */
export function isDirty(draft: ReportDraft, original: ReportDraft = EMPTY_REPORT): boolean {
  const strip = (d: ReportDraft) => JSON.stringify({ ...d, entries: d.entries.map(({ key: _key, ...rest }) => rest) });
  return strip(draft) !== strip(original);
}
