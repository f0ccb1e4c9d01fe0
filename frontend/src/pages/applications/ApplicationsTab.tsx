import type { ColumnsType } from 'antd/es/table';
import { useCurrentUser } from '../../app/auth';
import type { Access } from '../../app/access';
import { QueryTable } from '../../components/QueryTable';
import { ExportMenu, type ExportCall } from '../../components/ExportMenu';
import type { UseApplicationPage } from '../../hooks/useApplicationPage';
import type { Application, ApplicationListQuery } from '../../lib/applications';
import { useT, type MessageKey, type Translate } from '../../locales/i18n';
import { ApplicationToolbar } from './ApplicationToolbar';
import { applicationColumns, type ApplicationColumns } from './applicationColumns';
import { useApplicationFilters } from './useApplicationFilters';

/** What one kind of application brings to the applications page. */
export interface ApplicationsTabKind<T extends Application> {
  usePage: UseApplicationPage<T>;
  exportList: (query: ApplicationListQuery) => ExportCall;
  /** The file's name when the server gives none. */
  exportName: string;
  /** The shared columns, placed among the kind's own. */
  columns: (shared: ApplicationColumns<T>, t: Translate, access: Access) => ColumnsType<T>;
  filtersByKind: boolean;
  emptyText: MessageKey;
  testId: string;
}

/** The applications of one kind the caller may see, newest first, filtered by state and date. */
export function ApplicationsTab<T extends Application>({ kind }: { kind: ApplicationsTabKind<T> }) {
  const t = useT();
  const { access } = useCurrentUser();
  const { table, filters, setFilters, query: params, filtered } = useApplicationFilters();
  const query = kind.usePage(params);
  return (
    <>
      <ApplicationToolbar filters={filters} setFilters={setFilters} withKind={kind.filtersByKind}>
        <ExportMenu call={kind.exportList(params)} name={kind.exportName} testId={`${kind.exportName}-export`} />
      </ApplicationToolbar>
      <QueryTable<T>
        query={query}
        table={table}
        columns={kind.columns(applicationColumns<T>(t), t, access)}
        empty={filtered ? t('common.noMatch') : t(kind.emptyText)}
        data-testid={kind.testId}
      />
    </>
  );
}
