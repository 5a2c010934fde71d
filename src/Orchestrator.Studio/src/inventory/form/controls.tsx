/** Labelled controls of the procedure form; each says its message to assistive tech. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { controlId, type Errors } from './model';

export function FieldMessage({ field, errors }: { field: string; errors: Errors }) {
  if (!errors[field]) return null;
  return (
    <p id={`${controlId(field)}-error`} className="field-error" data-testid={`error-${field}`}>
      {errors[field]}
    </p>
  );
}

interface FieldProps {
  field: string;
  label: string;
  errors: Errors;
  required?: boolean;
  children?: ReactNode;
}

function Label({ field, label, required }: { field: string; label: string; required?: boolean }) {
  const { t } = useTranslation();
  // The tag stays outside the label: the accessible name is the label alone, aria-required says the rest.
  return (
    <span className="flex flex-wrap items-center gap-2">
      <label htmlFor={controlId(field)} className="text-std-16B-170">
        {label}
      </label>
      {required && (
        <span className="required-tag" aria-hidden="true">
          {t('inventory.common.required')}
        </span>
      )}
    </span>
  );
}

const aria = (field: string, errors: Errors, required?: boolean) => ({
  id: controlId(field),
  'aria-invalid': errors[field] ? true : undefined,
  'aria-required': required ? true : undefined,
  'aria-describedby': errors[field] ? `${controlId(field)}-error` : undefined,
  'data-testid': `field-${field}`,
});

export function TextInput({
  field,
  label,
  errors,
  required,
  value,
  onChange,
  multiline,
  width = 'max-w-xl',
  maxLength,
  list,
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  width?: string;
  maxLength?: number;
  list?: string;
}) {
  return (
    <div className="flex flex-col gap-1">
      <Label field={field} label={label} required={required} />
      {multiline ? (
        <textarea
          {...aria(field, errors, required)}
          className={`text-input ${width} min-h-24`}
          value={value}
          maxLength={maxLength}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          {...aria(field, errors, required)}
          className={`text-input ${width}`}
          value={value}
          maxLength={maxLength}
          list={list}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <FieldMessage field={field} errors={errors} />
    </div>
  );
}

export function Select<T extends string>({
  field,
  label,
  errors,
  required,
  value,
  onChange,
  options,
  optionLabel,
  width = 'max-w-xs',
}: FieldProps & {
  value: T | '';
  onChange: (value: T | '') => void;
  options: readonly T[];
  optionLabel: (value: T) => string;
  width?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-1">
      <Label field={field} label={label} required={required} />
      <select {...aria(field, errors, required)} className={`text-input ${width}`} value={value} onChange={(e) => onChange(e.target.value as T | '')}>
        <option value="">{t('inventory.form.choose')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
      <FieldMessage field={field} errors={errors} />
    </div>
  );
}
