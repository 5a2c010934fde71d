import { useId, type ReactNode } from 'react';

export interface FilterOption {
  value: string;
  label: ReactNode;
}

/** A labelled drop-down that narrows a list; the label stands above it. */
export function SelectFilter({
  label,
  value,
  options,
  onChange,
  width = 'min-w-56',
  testId,
}: {
  label: string;
  value: string;
  options: readonly FilterOption[];
  onChange: (value: string) => void;
  /** A Tailwind width class for the drop-down. */
  width?: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-std-16B-170 text-solid-gray-900">
        {label}
      </label>
      <select id={id} className={`text-input w-auto ${width}`} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
