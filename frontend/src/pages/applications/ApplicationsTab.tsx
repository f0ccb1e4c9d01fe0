import type { ColumnsType } from 'antd/es/table';
import { useCurrentUser } from '../../app/auth';
import type { Access } from '../../app/access';
import { QueryTable } from '../../components/QueryTable';
import type { UseApplicationPage } from '../../hooks/useApplicationPage';
import type { Application } from '../../lib/applications';
import { useT, type MessageKey, type Translate } from '../../locales/i18n';
import { ApplicationToolbar } from './ApplicationToolbar';
import { applicationColumns, type ApplicationColumns } from './applicationColumns';
import { useApplicationFilters } from './useApplicationFilters';

/** What one kind of application brings to the applications page. */
export interface ApplicationsTabKind<T extends Application> {
  usePage: UseApplicationPage<T>;
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
      <ApplicationToolbar filters={filters} setFilters={setFilters} withKind={kind.filtersByKind} />
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
