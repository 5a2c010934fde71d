import type { ReactNode } from 'react';

/**
 * Rows the user adds and removes (simulated clerks, holidays): a fieldset of labelled groups, each its fields and a
 * remove button, then an add button. Test ids follow `name`: `${name}-rows`, `${name}-row-${index}`, `${name}-add`.
 */
export function RowList<T extends { rowId: string }>({
  name,
  legend,
  rows,
  change,
  newRow,
  rowLabel,
  removeLabel,
  addLabel,
  fields,
  children,
}: {
  name: string;
  legend: string;
  rows: readonly T[];
  /** Applies a change to the stored rows (the latest ones, not those of this render). */
  change: (edit: (rows: T[]) => T[]) => void;
  newRow: () => T;
  /** Labels of a row and of its remove button, by the row's number (from 1). */
  rowLabel: (number: number) => string;
  removeLabel: (number: number) => string;
  addLabel: string;
  fields: (row: T, index: number, set: (row: T) => void) => ReactNode;
  /** What stands between the legend and the rows: a hint, a note that there are none. */
  children?: ReactNode;
}) {
  return (
    <fieldset className="flex flex-col gap-3" data-testid={`${name}-rows`}>
      <legend className="mb-1 text-std-16B-170 text-solid-gray-900">{legend}</legend>
      {children}
      {rows.map((row, index) => (
        <div key={row.rowId} role="group" aria-label={rowLabel(index + 1)} className="flex flex-wrap items-end gap-4" data-testid={`${name}-row-${index}`}>
          {fields(row, index, (changed) => change((all) => all.map((r, i) => (i === index ? changed : r))))}
          <button type="button" className="btn-secondary" onClick={() => change((all) => all.filter((_, i) => i !== index))}>
            {removeLabel(index + 1)}
          </button>
        </div>
      ))}
      <div>
        <button type="button" className="btn-secondary" onClick={() => change((all) => [...all, newRow()])} data-testid={`${name}-add`}>
          {addLabel}
        </button>
      </div>
    </fieldset>
  );
}
