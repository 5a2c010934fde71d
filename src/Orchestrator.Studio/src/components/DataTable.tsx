import type { HTMLAttributes, ReactNode } from 'react';

/** Padding of a body cell; pages add widths and alignment to it. */
export const cell = 'px-3 py-3';

export interface Column {
  key: string;
  label: ReactNode;
  /** aria-sort of a column the table is sorted by. */
  sort?: 'ascending' | 'descending';
}

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | undefined };

interface DataTableProps<T> {
  caption: string;
  columns: readonly Column[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** The row's cells: a `<th scope="row">` naming the row, then `<td>`s. */
  renderRow: (row: T) => ReactNode;
  /** Attributes of a row's `<tr>` (test id, data-*); a className adds to the row's own. */
  rowProps?: (row: T) => RowAttributes;
  /** A Tailwind min-width class: below it the table scrolls sideways instead of squeezing its columns. */
  minWidth: string;
  testId: string;
  busy?: boolean;
}

/** A list as a table: a caption for screen readers, one header row, one row per item, scrolling on narrow screens. */
export function DataTable<T>({ caption, columns, rows, rowKey, renderRow, rowProps, minWidth, testId, busy }: DataTableProps<T>) {
  return (
    <div className="overflow-x-auto">
      <table className={`data-table w-full ${minWidth} border-collapse bg-white text-left`} data-testid={testId} aria-busy={busy}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-solid-gray-600 bg-solid-gray-50">
            {columns.map((column) => (
              <th key={column.key} scope="col" className="whitespace-nowrap px-3 py-3 text-std-16B-170 text-solid-gray-900" aria-sort={column.sort}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const { className, ...attributes } = rowProps?.(row) ?? {};
            return (
              <tr key={rowKey(row)} className={`border-b border-solid-gray-420 align-top ${className ?? ''}`} {...attributes}>
                {renderRow(row)}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
