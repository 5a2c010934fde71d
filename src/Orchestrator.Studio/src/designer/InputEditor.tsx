import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { inputClass, JsonField, ListField, SelectField, TextField } from './fields';
import { isObject, readInput, removeInput, writeInput, type Activity, type InputDescriptor, type Json } from './model';
import type { Variable } from './settings';

/** Inputs whose value is a list of names (ports), edited one entry per box. */
const listHints = new Set(['dynamic-outcomes', 'multi-text']);

function isNumeric(typeName: string) {
  return /^(Int32|Int64|Double|Decimal|Single)(\[\])?$/.test(typeName);
}

/** The literal value as the box shows it. */
function literalText(value: Json): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The box's text as the literal JSON value for the input's type (numbers and booleans stay typed). */
function literalValue(text: string, typeName: string): Json {
  if (isNumeric(typeName) && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (typeName === 'Boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

function listOf(value: Json): string[] {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  if (typeof value === 'string' && value.trim()) return value.split(/[,\n]/).map((s) => s.trim());
  return [];
}

export interface InputEditorProps {
  activity: Activity;
  input: InputDescriptor;
  variables: readonly Variable[];
  errors: string[];
  onChange: (activity: Activity) => void;
}

/**
 * One input: an editor that fits its type (text, list, choice, checkbox, JSON, variable), and for expressions a
 * choice of language — リテラル (the value as written), JavaScript or Liquid — with syntax errors from the server's
 * validator shown under the box.
 */
export function InputEditor({ activity, input, variables, errors, onChange }: InputEditorProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const id = useId();
  const label = input.displayName[language];
  const current = readInput(activity, input.name);
  const hint = t(`designer.inputHints.${input.typeName}`, { defaultValue: '' }) || undefined;

  if (input.uiHint === 'variable-picker') {
    const raw = activity[input.name];
    const selected = isObject(raw) && isObject(raw.memoryReference) && typeof raw.memoryReference.id === 'string' ? raw.memoryReference.id : '';
    return (
      <SelectField
        label={label}
        required={input.required}
        error={errors}
        value={selected}
        options={[{ value: '', label: t('designer.props.chooseVariable') }, ...variables.map((v) => ({ value: v.id, label: v.name }))]}
        onChange={(value) =>
          onChange(value ? { ...activity, [input.name]: { typeName: 'Object', memoryReference: { id: value } } } : removeInput(activity, input.name))
        }
        hint={variables.length === 0 ? t('designer.props.noVariables') : undefined}
      />
    );
  }

  const jsonInput = input.typeName === 'Object' || input.uiHint === 'json-editor' || input.uiHint === 'switch-editor' || listHints.has(input.uiHint);
  const languages = jsonInput ? ['Object', 'JavaScript', 'Liquid'] : ['Literal', 'JavaScript', 'Liquid'];
  const type = current
    ? current.expressionType === 'Literal' && jsonInput && typeof current.value !== 'string'
      ? 'Object'
      : current.expressionType
    : languages[0]!;
  const write = (expressionType: string, value: Json) => onChange(writeInput(activity, input.name, input.typeName, expressionType, value));

  const switchLanguage = (next: string) => {
    const value = current?.value ?? null;
    if (next === 'JavaScript' || next === 'Liquid') write(next, typeof value === 'string' ? value : value === null ? '' : JSON.stringify(value));
    else if (next === 'Object') {
      try {
        write('Object', typeof value === 'string' ? (JSON.parse(value) as Json) : value);
      } catch {
        write('Object', listHints.has(input.uiHint) ? listOf(value) : null);
      }
    } else write('Literal', typeof value === 'string' ? value : literalText(value));
  };

  const languagePicker = (
    <div className="mb-1 flex items-center justify-end gap-2">
      <label htmlFor={`${id}-language`} className="text-dns-14N-130 text-solid-gray-700">
        {t('designer.props.language', { label })}
      </label>
      <select
        id={`${id}-language`}
        className="rounded-4 border border-solid-gray-600 bg-white px-1 text-dns-14N-130"
        value={type}
        onChange={(e) => switchLanguage(e.target.value)}
        data-testid={`language-${input.name}`}
      >
        {languages.map((l) => (
          <option key={l} value={l}>
            {t(`designer.languages.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );

  let editor;
  if (type === 'JavaScript' || type === 'Liquid') {
    editor = (
      <TextField
        label={label}
        required={input.required}
        multiline
        mono
        value={literalText(current?.value ?? null)}
        error={errors}
        hint={t(`designer.props.${type}Hint`, { example: '{{ Variables.name }}' })}
        onChange={(text) => write(type, text)}
        testId={`input-${input.name}`}
      />
    );
  } else if (listHints.has(input.uiHint)) {
    const values = listOf(current?.value ?? input.defaultValue ?? null);
    editor = (
      <>
        <ListField
          label={label}
          values={values}
          addLabel={t('designer.props.addItem')}
          itemLabel={(i) => t('designer.props.item', { label, index: i + 1 })}
          hint={input.name === 'outcomes' ? t('designer.props.outcomesHint') : undefined}
          onChange={(list) =>
            write(
              'Object',
              list.map((v) => (isNumeric(input.typeName) && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v)),
            )
          }
          testId={`input-${input.name}`}
        />
        {errors.map((m, i) => (
          <p key={i} className="field-error mb-2 text-dns-14N-130">
            {m}
          </p>
        ))}
      </>
    );
  } else if (jsonInput) {
    editor = (
      <JsonField
        label={label}
        value={current?.value ?? null}
        error={errors}
        onChange={(value) => write('Object', value as Json)}
        hint={t('designer.props.jsonHint')}
        testId={`input-${input.name}`}
      />
    );
  } else if (input.options && input.options.length > 0) {
    editor = (
      <SelectField
        label={label}
        required={input.required}
        error={errors}
        value={literalText(current?.value ?? null)}
        options={[
          { value: '', label: t('designer.props.notSet') },
          ...input.options.map((o) => ({ value: o, label: t(`designer.options.${o}`, { defaultValue: o }) })),
        ]}
        onChange={(value) => onChange(value === '' ? removeInput(activity, input.name) : writeInput(activity, input.name, input.typeName, 'Literal', value))}
        testId={`input-${input.name}`}
      />
    );
  } else if (input.uiHint === 'checkbox' || input.typeName === 'Boolean') {
    const checked = current?.value === true || current?.value === 'true';
    editor = (
      <div className="mb-3 flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          className="size-5"
          checked={checked}
          onChange={(e) => write('Literal', e.target.checked)}
          data-testid={`input-${input.name}`}
        />
        <label htmlFor={id} className="text-dns-16N-130">
          {label}
        </label>
      </div>
    );
  } else {
    editor = (
      <TextField
        label={label}
        required={input.required}
        multiline={input.uiHint === 'multiline'}
        value={literalText(current?.value ?? null)}
        error={errors}
        hint={hint}
        onChange={(text) =>
          onChange(
            text === '' ? removeInput(activity, input.name) : writeInput(activity, input.name, input.typeName, 'Literal', literalValue(text, input.typeName)),
          )
        }
        testId={`input-${input.name}`}
      />
    );
  }
  return (
    <div className="border-t border-solid-gray-200 pt-2" data-testid={`input-editor-${input.name}`}>
      {languagePicker}
      {editor}
    </div>
  );
}

/** The variable an output is stored in (or none). */
export function OutputBinding({
  activity,
  output,
  variables,
  onChange,
}: {
  activity: Activity;
  output: { name: string; typeName: string };
  variables: readonly Variable[];
  onChange: (activity: Activity) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const raw = activity[output.name];
  const selected = isObject(raw) && isObject(raw.memoryReference) && typeof raw.memoryReference.id === 'string' ? raw.memoryReference.id : '';
  return (
    <div className="mb-2">
      <label htmlFor={id} className="mb-1 block text-dns-14N-130 text-solid-gray-900">
        {t('designer.props.outputTo', { name: t(`designer.outputs.${output.name}`, { defaultValue: output.name }) })}
      </label>
      <select
        id={id}
        className={inputClass}
        value={selected}
        onChange={(e) =>
          onChange(
            e.target.value
              ? { ...activity, [output.name]: { typeName: output.typeName, memoryReference: { id: e.target.value } } }
              : removeInput(activity, output.name),
          )
        }
      >
        <option value="">{t('designer.props.noOutput')}</option>
        {variables.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
    </div>
  );
}
