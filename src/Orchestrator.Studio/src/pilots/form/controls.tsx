/** Labelled controls of the pilot form: each shows its hint and its message, and says both to assistive tech. */
import type { ChangeEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PilotForm } from '../form';
import { fieldId } from '../validation';

export type Errors = Record<string, string>;
export type UpdateForm = (change: (form: PilotForm) => PilotForm) => void;

export interface SectionProps {
  form: PilotForm;
  update: UpdateForm;
  errors: Errors;
}

/** aria-describedby for a control: its hint, then its message. */
export function describedBy(field: string, errors: Errors, hint: boolean): string | undefined {
  const ids = [hint ? `${fieldId(field)}-hint` : null, errors[field] ? `${fieldId(field)}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldError({ field, errors }: { field: string; errors: Errors }) {
  const message = errors[field];
  if (!message) return null;
  return (
    <p id={`${fieldId(field)}-error`} className="field-error" data-testid={`error-${field}`}>
      {message}
    </p>
  );
}

export function Hint({ field, children }: { field: string; children: ReactNode }) {
  return (
    <p id={`${fieldId(field)}-hint`} className="text-dns-16N-130 text-solid-gray-700">
      {children}
    </p>
  );
}

export function RequiredTag() {
  const { t } = useTranslation();
  // Not part of the label: the accessible name stays the label; aria-required says it.
  return (
    <span className="required-tag" aria-hidden="true">
      {t('pilots.common.required')}
    </span>
  );
}

interface TextFieldProps {
  field: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: Errors;
  required?: boolean;
  hint?: ReactNode;
  type?: 'text' | 'number' | 'date' | 'time';
  width?: string;
  min?: number;
  max?: number;
  list?: string;
  multiline?: boolean;
}

export function TextField({
  field,
  label,
  value,
  onChange,
  errors,
  required,
  hint,
  type = 'text',
  width = 'max-w-xl',
  min,
  max,
  list,
  multiline,
}: TextFieldProps) {
  const id = fieldId(field);
  const common = {
    id,
    name: field,
    value,
    className: `text-input ${width}`,
    'aria-required': required ? true : undefined,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': describedBy(field, errors, hint !== undefined),
    'data-testid': `field-${field}`,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value),
  } as const;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center">
        <label htmlFor={id} className="text-std-16B-170 text-solid-gray-900">
          {label}
        </label>
        {required && <RequiredTag />}
      </div>
      {hint !== undefined && <Hint field={field}>{hint}</Hint>}
      {multiline ? (
        <textarea {...common} rows={3} />
      ) : (
        <input
          {...common}
          type={type}
          inputMode={type === 'number' ? 'numeric' : undefined}
          step={type === 'number' ? 1 : undefined}
          min={min}
          max={max}
          list={list}
        />
      )}
      <FieldError field={field} errors={errors} />
    </div>
  );
}

interface SelectFieldProps {
  field: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: Errors;
  options: readonly { value: string; label: string }[];
  required?: boolean;
  placeholder?: string;
  width?: string;
}

export function SelectField({ field, label, value, onChange, errors, options, required, placeholder, width = 'max-w-xl' }: SelectFieldProps) {
  const id = fieldId(field);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center">
        <label htmlFor={id} className="text-std-16B-170 text-solid-gray-900">
          {label}
        </label>
        {required && <RequiredTag />}
      </div>
      <select
        id={id}
        name={field}
        className={`text-input ${width}`}
        value={value}
        aria-required={required ? true : undefined}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={describedBy(field, errors, false)}
        onChange={(e) => onChange(e.target.value)}
        data-testid={`field-${field}`}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError field={field} errors={errors} />
    </div>
  );
}

export function CheckboxField({
  field,
  label,
  checked,
  onChange,
  errors,
}: {
  field: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  errors: Errors;
}) {
  const id = fieldId(field);
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-start gap-3">
        <input
          id={id}
          name={field}
          type="checkbox"
          className="mt-1 size-6 shrink-0 accent-blue-900"
          checked={checked}
          aria-invalid={errors[field] ? true : undefined}
          aria-describedby={describedBy(field, errors, false)}
          onChange={(e) => onChange(e.target.checked)}
          data-testid={`field-${field}`}
        />
        <label htmlFor={id} className="text-std-16N-170 text-solid-gray-900">
          {label}
        </label>
      </div>
      <FieldError field={field} errors={errors} />
    </div>
  );
}

interface RadioGroupProps<T extends string> {
  field: string;
  legend: string;
  value: T;
  options: readonly T[];
  label: (option: T) => string;
  hint?: (option: T) => string;
  onChange: (value: T) => void;
  errors: Errors;
  /** The section's title already says what the legend would: keep the legend for screen readers only. */
  legendHidden?: boolean;
}

/** A fieldset of radio buttons; the fieldset carries the field's id so the error summary can move focus to it. */
export function RadioGroup<T extends string>({ field, legend, value, options, label, hint, onChange, errors, legendHidden }: RadioGroupProps<T>) {
  const id = fieldId(field);
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={describedBy(field, errors, false)} className="flex flex-col gap-2" data-testid={`field-${field}`}>
      <legend className={legendHidden ? 'sr-only' : 'mb-2 text-std-16B-170 text-solid-gray-900'}>{legend}</legend>
      {options.map((option) => (
        <div key={option} className="flex items-start gap-3">
          <input
            id={`${id}-${option}`}
            type="radio"
            name={field}
            value={option}
            className="mt-1 size-6 shrink-0 accent-blue-900"
            checked={value === option}
            aria-describedby={hint ? `${id}-${option}-hint` : undefined}
            onChange={() => onChange(option)}
          />
          <div className="flex flex-col">
            <label htmlFor={`${id}-${option}`} className="text-std-16N-170 text-solid-gray-900">
              {label(option)}
            </label>
            {hint && (
              <span id={`${id}-${option}-hint`} className="text-dns-16N-130 text-solid-gray-700">
                {hint(option)}
              </span>
            )}
          </div>
        </div>
      ))}
      <FieldError field={field} errors={errors} />
    </fieldset>
  );
}

/** A titled part of the form. */
export function FormSection({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <fieldset className="flex flex-col gap-6 rounded-8 border border-solid-gray-420 bg-white p-6" data-testid={testId}>
      <legend className="px-2 text-std-24B-150 text-solid-gray-900">{title}</legend>
      {children}
    </fieldset>
  );
}
