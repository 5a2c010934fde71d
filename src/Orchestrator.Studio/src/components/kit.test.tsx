import { act, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DataTable } from './DataTable';
import { EmptyState } from './EmptyState';
import { LoadError } from './LoadError';
import { SelectFilter } from './SelectFilter';
import { useResource } from './useResource';

describe('LoadError', () => {
  it('says what failed as an alert and asks again when the retry button is pressed', async () => {
    const retry = vi.fn();
    render(<LoadError message="一覧を読み込めませんでした: HTTP 500" retryLabel="再試行" onRetry={retry} testId="list-error" />);

    const alert = screen.getByRole('alert');
    expect(alert.dataset.testid).toBe('list-error');
    expect(within(alert).getByText('一覧を読み込めませんでした: HTTP 500')).toBeTruthy();
    await userEvent.click(within(alert).getByRole('button', { name: '再試行' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('has no button when there is nothing to retry', () => {
    render(<LoadError message="読み込めませんでした" />);
    expect(screen.getByRole('alert').textContent).toBe('読み込めませんでした');
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('EmptyState', () => {
  it('shows its text under its test id', () => {
    render(<EmptyState testId="things-empty">まだありません。</EmptyState>);
    expect(screen.getByTestId('things-empty').textContent).toBe('まだありません。');
  });
});

describe('DataTable', () => {
  const rows = [
    { id: 'a', name: '転入届', count: 3, late: false },
    { id: 'b', name: '児童手当', count: 0, late: true },
  ];

  it('renders the caption, one header per column and one row per item in order', () => {
    render(
      <DataTable
        caption="手続の一覧"
        columns={[
          { key: 'name', label: '名前' },
          { key: 'count', label: '件数', sort: 'descending' },
        ]}
        rows={rows}
        rowKey={(r) => r.id}
        rowProps={(r) => ({ 'data-testid': `row-${r.id}`, className: r.late ? 'bg-red-50' : '' })}
        renderRow={(r) => (
          <>
            <th scope="row">{r.name}</th>
            <td>{r.count}</td>
          </>
        )}
        minWidth="min-w-[40rem]"
        testId="things-table"
      />,
    );

    const table = screen.getByRole('table', { name: '手続の一覧' });
    expect(table.dataset.testid).toBe('things-table');
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['名前', '件数']);
    expect(headers[1]!.getAttribute('aria-sort')).toBe('descending');
    expect(headers[0]!.hasAttribute('aria-sort')).toBe(false);
    const bodyRows = within(table).getAllByRole('row').slice(1);
    expect(bodyRows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['転入届', '児童手当']);
    expect(screen.getByTestId('row-b').className).toContain('bg-red-50');
    expect(screen.getByTestId('row-a').className).not.toContain('bg-red-50');
  });
});

describe('SelectFilter', () => {
  it('labels its drop-down and reports the chosen value', async () => {
    const change = vi.fn();
    render(
      <SelectFilter
        label="系統"
        value=""
        options={[
          { value: '', label: 'すべて' },
          { value: 'ToBe', label: '改善後' },
        ]}
        onChange={change}
        testId="filter-arm"
      />,
    );

    const select = screen.getByRole('combobox', { name: '系統' });
    expect(select.dataset.testid).toBe('filter-arm');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['すべて', '改善後']);
    await userEvent.selectOptions(select, '改善後');
    expect(change).toHaveBeenCalledWith('ToBe');
  });
});

describe('useResource', () => {
  it('is loading until the answer comes, then holds the data', async () => {
    const { result } = renderHook(() => useResource(() => Promise.resolve(['a', 'b']), 'list'));
    expect(result.current).toMatchObject({ data: null, error: null, loading: true });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.data).toEqual(['a', 'b']);
  });

  it('keeps the error after a failure and clears it when a reload succeeds', async () => {
    let fail = true;
    const load = vi.fn(() => (fail ? Promise.reject(new Error('HTTP 500')) : Promise.resolve(42)));
    const { result } = renderHook(() => useResource(load, 'answer'));
    await waitFor(() => expect(result.current.error).toBeInstanceOf(Error));
    expect(result.current).toMatchObject({ data: null, loading: false });

    fail = false;
    act(() => result.current.reload());
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.data).toBe(42));
    expect(result.current).toMatchObject({ error: null, loading: false });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('asks again only when the key changes, aborting the request for the old key', async () => {
    const signals: AbortSignal[] = [];
    const pending: ((value: string) => void)[] = [];
    const load = (key: string) => (signal: AbortSignal) => {
      signals.push(signal);
      return new Promise<string>((resolve) => pending.push(() => resolve(key)));
    };
    const { result, rerender } = renderHook(({ key }) => useResource(load(key), key), { initialProps: { key: 'one' } });
    rerender({ key: 'one' });
    expect(signals).toHaveLength(1);

    rerender({ key: 'two' });
    expect(signals).toHaveLength(2);
    expect(signals[0]!.aborted).toBe(true);
    await act(async () => pending[1]!('two'));
    expect(result.current).toMatchObject({ data: 'two', loading: false });
  });
});
