import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { importsDownloadTemplate, type RowStatus } from '../../client';
import {
  importsCommitImportMutation,
  importsListImportRowsOptions,
  importsListImportsOptions,
  importsReadImportOptions,
  importsUploadImportMutation,
} from '../../client/@tanstack/react-query.gen';
import { invalidateOperations } from '../../lib/queries';
import { downloadFile } from '../../lib/download';
import { RUNNING } from './rows';

const POLL_MS = 500;

export function downloadTemplate(): Promise<void> {
  return downloadFile(
    () => importsDownloadTemplate({ parseAs: 'blob', throwOnError: true }),
    'customer-import-template.xlsx',
  );
}

export function useImportHistory(query: { limit: number; offset: number }) {
  return useQuery(importsListImportsOptions({ query }));
}

/** One import, polled while a pass runs; when the pass ends its rows and the history change. */
export function useImportJob(id: number | null) {
  const queryClient = useQueryClient();
  const job = useQuery({
    ...importsReadImportOptions({ path: { import_id: id ?? 0 } }),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && RUNNING.has(query.state.data.status) ? POLL_MS : false),
  });
  const status = job.data?.status;
  useEffect(() => {
    if (status && !RUNNING.has(status)) {
      void invalidateOperations(queryClient, 'importsListImportRows', 'importsListImports', 'customersListCustomers');
    }
  }, [status, queryClient]);
  return job;
}

export function useImportRows(
  id: number,
  statuses: RowStatus[] | undefined,
  page: { limit: number; offset: number },
  running: boolean,
) {
  return useQuery({
    ...importsListImportRowsOptions({ path: { import_id: id }, query: { ...page, status: statuses } }),
    refetchInterval: running ? POLL_MS * 4 : false,
  });
}

export function useImportActions(onUploaded: (id: number) => void) {
  const queryClient = useQueryClient();
  const refresh = () => invalidateOperations(queryClient, 'importsListImports', 'importsReadImport');
  const upload = useMutation({
    ...importsUploadImportMutation(),
    onSuccess: (job) => {
      void refresh();
      onUploaded(job.id);
    },
  });
  const commit = useMutation({ ...importsCommitImportMutation(), onSuccess: () => void refresh() });
  return { upload, commit };
}
