import type { ReactNode } from 'react';

export interface CompactColumn {
  key: string;
  label: ReactNode;
  /** A column of figures: its heading aligns right, over the numbers. */
  numeric?: boolean;
}

/** Padding of a cell in a ruled compact table. */
export const compactCell = 'px-2 py-1';

/**
 * A small table inside a panel or a dialog: one header row drawn from `columns`, the body rows as children. A `ruled`
 * table is a list to pick from (versions, demo accounts): a heavy rule under the header and padded cells; otherwise it
 * is bare figures under a heading or a chart.
 */
export function CompactTable({
  columns,
  caption,
  ruled = false,
  className = '',
  testId,
  children,
}: {
  columns: readonly CompactColumn[];
  /** Names the table for screen readers. */
  caption?: string;
  ruled?: boolean;
  /** Margins around the table. */
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const table = ruled ? 'data-table w-full border-collapse text-left' : 'w-full';
  const header = ruled ? 'border-b-2 border-solid-gray-600' : 'border-b border-solid-gray-420 text-left';
  return (
    <table className={`${table} text-dns-16N-130 ${className}`.trim()} data-testid={testId}>
      {caption && <caption className="sr-only">{caption}</caption>}
      <thead>
        <tr className={header}>
          {columns.map((column) => (
            <th key={column.key} scope="col" className={`${ruled ? compactCell : ''} ${column.numeric ? 'text-right' : ''}`.trim() || undefined}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
