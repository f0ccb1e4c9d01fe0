// The follow-up screen's server state: the customer, its reports (pane 1), its projects (pane 3),
// the selected report, and marking its comments read when it is opened.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { projectsListProjects, reportsListReports } from '../../client';
import {
  catalogListMcuModelsOptions,
  customersReadCustomerOptions,
  projectsListProjectsOptions,
  reportsListReportsOptions,
  reportsMarkReadMutation,
  reportsReadReportOptions,
} from '../../client/@tanstack/react-query.gen';
import type { ExportCall } from '../../components/ExportMenu';
import { invalidateOperations, type QueryOperationId } from '../../lib/queries';

export interface DateRange {
  from?: string;
  to?: string;
}

/** Every answer that shows reports, projects or unread comments. */
export const FOLLOWUP_OPERATIONS: QueryOperationId[] = [
  'reportsListReports',
  'reportsReadReport',
  'reportsListRevisions',
  'projectsListProjects',
  'projectsReadProject',
  'customersListCustomers',
  'customersReadCustomer',
  'commentsUnreadComments',
];

export function useCustomer(customerId: number) {
  return useQuery(customersReadCustomerOptions({ path: { customer_id: customerId } }));
}

export function useFollowupData(customerId: number, range: DateRange) {
  const path = { customer_id: customerId };
  const dates = { date_from: range.from ?? null, date_to: range.to ?? null };
  const reports = useQuery(reportsListReportsOptions({ path, query: { ...dates, limit: 100 } }));
  const projects = useQuery(projectsListProjectsOptions({ path }));
  // Panes 1 and 3 as files: every report in the range (not only the 100 listed), every project.
  const exportReports: ExportCall = (format) =>
    reportsListReports({ path, query: { ...dates, format }, parseAs: 'blob', throwOnError: true });
  const exportProjects: ExportCall = (format) =>
    projectsListProjects({ path, query: { format }, parseAs: 'blob', throwOnError: true });
  return { reports, projects, exportReports, exportProjects };
}

export function useMcuModels() {
  return useQuery({ ...catalogListMcuModelsOptions(), staleTime: 10 * 60_000 });
}

/** The selected report; its unread comments are marked read once it is shown. */
export function useReport(reportId: number | null) {
  const queryClient = useQueryClient();
  const report = useQuery({ ...reportsReadReportOptions({ path: { report_id: reportId ?? 0 } }), enabled: reportId !== null });
  const markRead = useMutation({
    ...reportsMarkReadMutation(),
    meta: { silent: true },
    // The open report keeps its "new" marks until it is fetched again; the counters update now.
    onSuccess: () =>
      void invalidateOperations(queryClient, ...FOLLOWUP_OPERATIONS.filter((id) => id !== 'reportsReadReport')),
  });
  const marked = useRef(new Set<number>());
  const data = report.data;
  const unread = data ? data.comments.some((comment) => comment.unread) : false;
  const { mutate } = markRead;
  useEffect(() => {
    if (!data || !unread || marked.current.has(data.id)) return;
    marked.current.add(data.id);
    mutate({ path: { report_id: data.id } });
  }, [data, unread, mutate]);
  return report;
}
