import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { inputClass } from './fields';
import { isObject, readInput, writeInput, type Activity, type Json, type JsonObject } from './model';

const fieldTypes = ['text', 'number', 'date', 'choice', 'checkbox'] as const;

function fieldsOf(activity: Activity): JsonObject[] {
  const value = readInput(activity, 'formFields');
  return value && Array.isArray(value.value) ? value.value.filter(isObject) : [];
}

/** The HumanTask's form: one row per field the clerk fills (name, label, type, required, options, limits). */
export function FormFieldsEditor({ activity, errors, onChange }: { activity: Activity; errors: string[]; onChange: (activity: Activity) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const fields = fieldsOf(activity);
  const write = (next: JsonObject[]) => onChange(writeInput(activity, 'formFields', 'Object', 'Object', next as Json));
  const update = (index: number, patch: JsonObject) =>
    write(
      fields.map((f, i) => {
        if (i !== index) return f;
        const merged: JsonObject = { ...f, ...patch };
        for (const [key, value] of Object.entries(patch)) if (value === null || value === '') delete merged[key];
        return merged;
      }),
    );
  const move = (index: number, by: number) => {
    const next = [...fields];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + by, 0, item);
    write(next);
  };

  return (
    <div data-testid="form-fields-editor">
      <p className="mb-3 text-dns-14N-130 text-solid-gray-700">{t('designer.form.lead')}</p>
      {errors.map((m, i) => (
        <p key={i} className="field-error mb-2 text-dns-14N-130" data-testid="field-error">
          {m}
        </p>
      ))}
      {fields.length === 0 && <p className="mb-3 rounded-8 border border-dashed border-solid-gray-420 p-3 text-dns-14N-130">{t('designer.form.empty')}</p>}
      <ol className="flex flex-col gap-3">
        {fields.map((field, index) => {
          const fid = `${id}-${index}`;
          const text = (key: string) => (typeof field[key] === 'string' || typeof field[key] === 'number' ? String(field[key]) : '');
          const type = typeof field.type === 'string' ? field.type : 'text';
          return (
            <li key={index} className="rounded-8 border border-solid-gray-420 p-2" data-testid={`form-field-${index}`}>
              <div className="grid grid-cols-2 gap-2">
                <label className="text-dns-14N-130" htmlFor={`${fid}-label`}>
                  {t('designer.form.label')}
                  <input id={`${fid}-label`} className={inputClass} value={text('label')} onChange={(e) => update(index, { label: e.target.value })} />
                </label>
                <label className="text-dns-14N-130" htmlFor={`${fid}-name`}>
                  {t('designer.form.name')}
                  <input
                    id={`${fid}-name`}
                    className={`${inputClass} font-mono`}
                    value={text('name')}
                    onChange={(e) => update(index, { name: e.target.value })}
                  />
                </label>
                <label className="text-dns-14N-130" htmlFor={`${fid}-type`}>
                  {t('designer.form.type')}
                  <select id={`${fid}-type`} className={inputClass} value={type} onChange={(e) => update(index, { type: e.target.value })}>
                    {fieldTypes.map((ft) => (
                      <option key={ft} value={ft}>
                        {t(`designer.form.types.${ft}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="flex items-end gap-2 pb-2 text-dns-14N-130" htmlFor={`${fid}-required`}>
                  <input
                    id={`${fid}-required`}
                    type="checkbox"
                    className="size-5"
                    checked={field.required === true}
                    onChange={(e) => update(index, { required: e.target.checked })}
                  />
                  {t('designer.form.required')}
                </label>
                {type === 'choice' && (
                  <label className="col-span-2 text-dns-14N-130" htmlFor={`${fid}-options`}>
                    {t('designer.form.options')}
                    <input
                      id={`${fid}-options`}
                      className={inputClass}
                      value={Array.isArray(field.options) ? field.options.join('、') : ''}
                      onChange={(e) =>
                        update(index, {
                          options: e.target.value
                            .split(/[、,]/)
                            .map((s) => s.trim())
                            .filter(Boolean),
                        })
                      }
                    />
                  </label>
                )}
                {(type === 'number' || type === 'date') && (
                  <>
                    <label className="text-dns-14N-130" htmlFor={`${fid}-min`}>
                      {t('designer.form.min')}
                      <input
                        id={`${fid}-min`}
                        className={inputClass}
                        type={type}
                        value={text('min')}
                        onChange={(e) => update(index, { min: type === 'number' && e.target.value !== '' ? Number(e.target.value) : e.target.value })}
                      />
                    </label>
                    <label className="text-dns-14N-130" htmlFor={`${fid}-max`}>
                      {t('designer.form.max')}
                      <input
                        id={`${fid}-max`}
                        className={inputClass}
                        type={type}
                        value={text('max')}
                        onChange={(e) => update(index, { max: type === 'number' && e.target.value !== '' ? Number(e.target.value) : e.target.value })}
                      />
                    </label>
                  </>
                )}
                {type === 'text' && (
                  <label className="col-span-2 text-dns-14N-130" htmlFor={`${fid}-pattern`}>
                    {t('designer.form.pattern')}
                    <input
                      id={`${fid}-pattern`}
                      className={`${inputClass} font-mono`}
                      value={text('pattern')}
                      onChange={(e) => update(index, { pattern: e.target.value })}
                    />
                  </label>
                )}
              </div>
              <div className="mt-2 flex gap-3 text-dns-14N-130">
                <button type="button" className="link" disabled={index === 0} onClick={() => move(index, -1)}>
                  {t('designer.form.up')}
                </button>
                <button type="button" className="link" disabled={index === fields.length - 1} onClick={() => move(index, 1)}>
                  {t('designer.form.down')}
                </button>
                <button type="button" className="link text-error-1" onClick={() => write(fields.filter((_, i) => i !== index))}>
                  {t('designer.form.remove')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="btn-secondary mt-3"
        onClick={() => write([...fields, { name: `field${fields.length + 1}`, label: '', type: 'text', required: false }])}
      >
        {t('designer.form.add')}
      </button>
    </div>
  );
}
