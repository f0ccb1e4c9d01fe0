import { DatePicker } from 'antd';
import type { Dispatch, ReactNode, SetStateAction } from 'react';
import { ApplicationStatus, RegistrationKind } from '../../client';
import { enumOptions } from '../../lib/enums';
import { FilterSelect } from '../../components/FilterSelect';
import { TableToolbar } from '../../components/TableToolbar';
import { useT } from '../../locales/i18n';
import type { ApplicationFilters } from './useApplicationFilters';

/** Status, submission dates and (registrations) kind; `children` after them (the export). */
export function ApplicationToolbar({
  filters,
  setFilters,
  withKind = false,
  children,
}: {
  filters: ApplicationFilters;
  setFilters: Dispatch<SetStateAction<ApplicationFilters>>;
  withKind?: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <TableToolbar>
      <FilterSelect<ApplicationStatus>
        label={t('applications.filterStatus')}
        width={140}
        value={filters.status}
        onChange={(status) => setFilters((f) => ({ ...f, status }))}
        options={enumOptions(ApplicationStatus, (s) => t(`applicationStatus.${s}`))}
      />
      {withKind ? (
        <FilterSelect<RegistrationKind>
          label={t('applications.filterKind')}
          width={140}
          value={filters.kind}
          onChange={(kind) => setFilters((f) => ({ ...f, kind }))}
          options={enumOptions(RegistrationKind, (k) => t(`registrationKind.${k}`))}
        />
      ) : null}
      <DatePicker.RangePicker
        value={filters.range ?? null}
        onChange={(range) => setFilters((f) => ({ ...f, range: range && range[0] && range[1] ? [range[0], range[1]] : null }))}
        aria-label={t('applications.filterDates')}
        placeholder={[t('applications.from'), t('applications.to')]}
        style={{ width: 260, maxWidth: '100%' }}
      />
      {children}
    </TableToolbar>
  );
}
