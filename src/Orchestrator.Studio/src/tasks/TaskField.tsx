import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField } from './api';

interface TaskFieldProps {
  field: FormField;
  id: string;
  value: string | boolean;
  error: string | null;
  onChange: (value: string | boolean) => void;
}

/** One field of the task's form: its label, 必須 tag, control by type and error message. */
export function TaskField({ field, id, value, error, onChange }: TaskFieldProps) {
  const { t } = useTranslation();
  const errorId = `${id}-error`;
  const common = {
    id,
    name: field.name,
    'aria-required': field.required ? true : undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    'data-testid': `field-${field.name}`,
  } as const;
  const requiredTag = field.required && (
    // Not part of the label: the accessible name stays the label; aria-required says it.
    <span className="required-tag" aria-hidden="true">
      {t('tasks.task.required')}
    </span>
  );
  const errorText = error && (
    <p id={errorId} className="field-error" data-testid={`field-error-${field.name}`}>
      {error}
    </p>
  );
  const label = field.label || field.name;

  if (field.type === 'checkbox') {
    return (
      <div className="flex flex-col gap-2">
        <div className="flex items-center gap-3">
          <input
            {...common}
            type="checkbox"
            className="size-6 shrink-0 accent-blue-900"
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
          />
          <label htmlFor={id} className="text-std-17B-170 text-solid-gray-900">
            {label}
          </label>
          {requiredTag}
        </div>
        {errorText}
      </div>
    );
  }

  const text = typeof value === 'string' ? value : '';
  let control: ReactNode;
  switch (field.type) {
    case 'number':
      control = (
        <input
          {...common}
          type="number"
          inputMode="decimal"
          step="any"
          className="text-input max-w-64"
          min={field.min ?? undefined}
          max={field.max ?? undefined}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case 'date':
      control = (
        <input
          {...common}
          type="date"
          className="text-input max-w-64"
          min={typeof field.min === 'string' ? field.min : undefined}
          max={typeof field.max === 'string' ? field.max : undefined}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case 'choice':
      control = (
        <select {...common} className="text-input max-w-xl" value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('tasks.task.choose')}</option>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
      break;
    default:
      control = (
        <input
          {...common}
          type="text"
          className="text-input max-w-xl"
          pattern={field.pattern ?? undefined}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center">
        <label htmlFor={id} className="text-std-17B-170 text-solid-gray-900">
          {label}
        </label>
        {requiredTag}
      </div>
      {control}
      {errorText}
    </div>
  );
}
