/** Small form controls of the property panels, labelled for screen readers and for the browser tests. */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export const inputClass = 'w-full rounded-8 border border-solid-gray-600 bg-white px-2 py-1.5 text-dns-16N-130 text-solid-gray-900';
export const codeClass = `${inputClass} font-mono text-mono-14N-150`;

export function Field({
  label,
  hint,
  error,
  required,
  children,
  id,
}: {
  label: string;
  hint?: string | undefined;
  error?: string[] | undefined;
  required?: boolean | undefined;
  id: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="mb-3">
      <label htmlFor={id} className="mb-1 block text-dns-16B-130 text-solid-gray-900">
        {label}
        {required && <span className="required-tag">{t('designer.required')}</span>}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-dns-14N-130 text-solid-gray-700">
          {hint}
        </p>
      )}
      {error?.map((message, i) => (
        <p key={i} className="field-error mt-1 text-dns-14N-130" data-testid="field-error">
          {message}
        </p>
      ))}
    </div>
  );
}

export function TextField({
  label,
  value,
  onChange,
  multiline,
  hint,
  error,
  required,
  placeholder,
  mono,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  hint?: string | undefined;
  error?: string[] | undefined;
  required?: boolean | undefined;
  placeholder?: string | undefined;
  mono?: boolean;
  testId?: string;
}) {
  const id = useId();
  const common = {
    id,
    value,
    placeholder,
    'aria-invalid': error && error.length > 0 ? true : undefined,
    'aria-describedby': hint ? `${id}-hint` : undefined,
    'data-testid': testId,
    className: mono ? codeClass : inputClass,
  };
  return (
    <Field label={label} hint={hint} error={error} required={required} id={id}>
      {multiline ? (
        <textarea {...common} rows={mono ? 5 : 3} spellCheck={!mono} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

/** A number, or undefined when the box is empty. */
export function NumberField({
  label,
  value,
  onChange,
  min,
  hint,
  testId,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  min?: number;
  hint?: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <Field label={label} hint={hint} id={id}>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={min}
        step="any"
        className={inputClass}
        value={value ?? ''}
        data-testid={testId}
        onChange={(e) => {
          const text = e.target.value.trim();
          const parsed = Number(text);
          onChange(text === '' || !Number.isFinite(parsed) ? undefined : parsed);
        }}
      />
    </Field>
  );
}

export function SelectField({
  label,
  value,
  options,
  onChange,
  hint,
  error,
  required,
  testId,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  hint?: string | undefined;
  error?: string[] | undefined;
  required?: boolean | undefined;
  testId?: string;
}) {
  const id = useId();
  return (
    <Field label={label} hint={hint} error={error} required={required} id={id}>
      <select id={id} className={inputClass} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Whether the text means the JSON written (false for a text that does not parse: the outside value wins). */
function sameJson(text: string, json: string): boolean {
  try {
    return JSON.stringify(JSON.parse(text), null, 2) === json;
  } catch {
    return false;
  }
}

/**
 * JSON in a text box: written through only when it parses; otherwise the box says so and keeps the text.
 * An outside change (undo) replaces the text unless the text already means the same.
 */
export function JsonField({
  label,
  value,
  onChange,
  hint,
  error,
  testId,
}: {
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
  hint?: string | undefined;
  error?: string[] | undefined;
  testId?: string;
}) {
  const { t } = useTranslation();
  const external = JSON.stringify(value ?? null, null, 2);
  const [draft, setDraft] = useState(external);
  const [invalid, setInvalid] = useState(false);
  // An outside change is taken while rendering (React's way to adjust state to a changed prop), not in an effect.
  const [last, setLast] = useState(external);
  if (external !== last) {
    setLast(external);
    if (!sameJson(draft, external)) {
      setDraft(external);
      setInvalid(false);
    }
  }
  const messages = [...(invalid ? [t('designer.props.jsonInvalid')] : []), ...(error ?? [])];
  return (
    <TextField
      label={label}
      value={draft}
      multiline
      mono
      hint={hint}
      error={messages}
      testId={testId}
      onChange={(text) => {
        setDraft(text);
        try {
          const parsed: unknown = JSON.parse(text);
          setInvalid(false);
          setLast(JSON.stringify(parsed, null, 2));
          onChange(parsed);
        } catch {
          setInvalid(true);
        }
      }}
    />
  );
}

/** A list of short texts (outcome names, branches, status codes), one box per entry. */
export function ListField({
  label,
  values,
  onChange,
  hint,
  addLabel,
  itemLabel,
  testId,
}: {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  hint?: string | undefined;
  addLabel: string;
  itemLabel: (index: number) => string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="mb-3" data-testid={testId}>
      <legend className="mb-1 text-dns-16B-130 text-solid-gray-900">{label}</legend>
      {hint && <p className="mb-1 text-dns-14N-130 text-solid-gray-700">{hint}</p>}
      <ul className="flex flex-col gap-1">
        {values.map((value, index) => (
          <li key={index} className="flex gap-1">
            <label htmlFor={`${id}-${index}`} className="sr-only">
              {itemLabel(index)}
            </label>
            <input
              id={`${id}-${index}`}
              className={inputClass}
              value={value}
              onChange={(e) => onChange(values.map((v, i) => (i === index ? e.target.value : v)))}
            />
            <button
              type="button"
              className="rounded-8 border border-solid-gray-600 px-2"
              onClick={() => onChange(values.filter((_, i) => i !== index))}
              aria-label={t('designer.props.removeItem', { item: itemLabel(index) })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link mt-1 text-dns-16N-130" onClick={() => onChange([...values, ''])}>
        {addLabel}
      </button>
    </fieldset>
  );
}
