import { keepPreviousData, QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { QueryTable } from './QueryTable';
import { useTableState } from '../hooks/useTableState';
import type { TableQuery } from '../lib/tablePaging';

interface Thing {
  id: number;
  name: string;
}

const THINGS: Thing[] = Array.from({ length: 25 }, (_, i) => ({ id: i + 1, name: `thing ${i + 1}` }));

/** A list endpoint in memory: pages by limit/offset like the API; `failures` first calls fail. */
function endpoint(things: Thing[], failures = 0) {
  let calls = 0;
  return async (query: TableQuery) => {
    calls += 1;
    if (calls <= failures) throw new Error('The list could not be loaded');
    return { items: things.slice(query.offset, query.offset + query.limit), total: things.length };
  };
}

function ThingsTable({ load }: { load: (query: TableQuery) => Promise<{ items: Thing[]; total: number }> }) {
  const table = useTableState({ pageSize: 10 });
  const query = useQuery({
    queryKey: ['things', table.query],
    queryFn: () => load(table.query),
    placeholderData: keepPreviousData,
    retry: false,
  });
  return (
    <QueryTable<Thing>
      query={query}
      table={table}
      columns={[{ key: 'name', dataIndex: 'name', title: 'Name' }]}
      empty="No things yet"
      data-testid="things"
    />
  );
}

function renderTable(load: Parameters<typeof ThingsTable>[0]['load']) {
  const client = new QueryClient();
  return render(
    <QueryClientProvider client={client}>
      <ThingsTable load={load} />
    </QueryClientProvider>,
  );
}

describe('a server-paged list table', () => {
  it('shows one page of rows with the total, and asks the server for the next page', async () => {
    renderTable(endpoint(THINGS));
    expect(await screen.findByText('thing 1')).toBeInTheDocument();
    expect(screen.queryByText('thing 11')).not.toBeInTheDocument();
    expect(screen.getByText('共 25 条')).toBeInTheDocument();
    await userEvent.click(screen.getByTitle('2'));
    expect(await screen.findByText('thing 11')).toBeInTheDocument();
    expect(screen.queryByText('thing 1')).not.toBeInTheDocument();
  });

  it('says the list is empty only once it has loaded', async () => {
    let answer: (page: { items: Thing[]; total: number }) => void = () => undefined;
    renderTable(() => new Promise((resolve) => (answer = resolve)));
    await waitFor(() => expect(screen.getByTestId('things')).toBeInTheDocument());
    expect(screen.queryByText('No things yet')).not.toBeInTheDocument();
    answer({ items: [], total: 0 });
    expect(await screen.findByText('No things yet')).toBeInTheDocument();
  });

  it('shows a failed load with a retry that loads again', async () => {
    renderTable(endpoint(THINGS, 1));
    const alert = await screen.findByRole('alert');
    await userEvent.click(within(alert).getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findByText('thing 1')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });
});
