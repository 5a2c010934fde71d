import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { inputClass, SelectField, TextField } from './fields';
import type { JsonObject } from './model';
import { newVariableId, processSettings, variablesOf, variableTypes, withProcessSettings, withVariables, type Variable } from './settings';

/** Shown when no activity is selected: the workflow's name, process key and arm, titles and variables. */
export function WorkflowPanel({ definition, readOnly, onChange }: { definition: JsonObject; readOnly: boolean; onChange: (definition: JsonObject) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const settings = processSettings(definition);
  const variables = variablesOf(definition);
  const text = (key: string) => (typeof definition[key] === 'string' ? (definition[key] as string) : '');
  const setVariables = (next: Variable[]) => onChange(withVariables(definition, next));
  return (
    <section aria-labelledby={`${id}-heading`} data-testid="workflow-panel">
      <h2 id={`${id}-heading`} className="mb-1 text-std-20B-150 text-solid-gray-900">
        {t('designer.workflow.heading')}
      </h2>
      <p className="mb-3 text-dns-14N-130 text-solid-gray-700">{t('designer.workflow.lead')}</p>
      <fieldset disabled={readOnly} className="min-w-0">
        <TextField
          label={t('designer.workflow.name')}
          required
          value={text('name')}
          onChange={(v) => onChange({ ...definition, name: v })}
          testId="workflow-name"
        />
        <TextField
          label={t('designer.workflow.description')}
          multiline
          value={text('description')}
          onChange={(v) => onChange({ ...definition, description: v })}
        />
        {typeof definition.definitionId === 'string' && definition.definitionId && (
          <p className="mb-3 text-dns-14N-130">
            {t('designer.workflow.definitionId')}: <code data-testid="workflow-definition-id">{definition.definitionId}</code>
          </p>
        )}
        <TextField
          label={t('designer.workflow.processKey')}
          value={settings.processKey}
          hint={t('designer.workflow.processKeyHint')}
          onChange={(v) => onChange(withProcessSettings(definition, { ...settings, processKey: v.trim() }))}
          testId="workflow-process-key"
        />
        <SelectField
          label={t('designer.workflow.arm')}
          value={settings.arm}
          options={[
            { value: 'AsIs', label: t('designer.arm.AsIs') },
            { value: 'ToBe', label: t('designer.arm.ToBe') },
          ]}
          onChange={(v) => onChange(withProcessSettings(definition, { ...settings, arm: v === 'ToBe' ? 'ToBe' : 'AsIs' }))}
          testId="workflow-arm"
        />
        <TextField
          label={t('designer.workflow.titleJa')}
          value={settings.titleJa}
          onChange={(v) => onChange(withProcessSettings(definition, { ...settings, titleJa: v }))}
        />
        <TextField
          label={t('designer.workflow.titleEn')}
          value={settings.titleEn}
          onChange={(v) => onChange(withProcessSettings(definition, { ...settings, titleEn: v }))}
        />

        <h3 className="mb-1 mt-4 text-dns-16B-130">{t('designer.workflow.variables')}</h3>
        <p className="mb-2 text-dns-14N-130 text-solid-gray-700">{t('designer.workflow.variablesLead')}</p>
        {variables.length === 0 && <p className="mb-2 text-dns-14N-130">{t('designer.workflow.noVariables')}</p>}
        <ul className="flex flex-col gap-2" data-testid="variables">
          {variables.map((v, index) => (
            <li key={v.id} className="grid grid-cols-[1fr_6.5rem_auto] items-end gap-1 rounded-8 border border-solid-gray-420 p-2">
              <label className="text-dns-14N-130" htmlFor={`${id}-v${index}-name`}>
                {t('designer.workflow.variableName')}
                <input
                  id={`${id}-v${index}-name`}
                  className={`${inputClass} font-mono`}
                  value={v.name}
                  onChange={(e) => setVariables(variables.map((x, i) => (i === index ? { ...x, name: e.target.value } : x)))}
                />
              </label>
              <label className="text-dns-14N-130" htmlFor={`${id}-v${index}-type`}>
                {t('designer.workflow.variableType')}
                <select
                  id={`${id}-v${index}-type`}
                  className={inputClass}
                  value={v.typeName}
                  onChange={(e) => setVariables(variables.map((x, i) => (i === index ? { ...x, typeName: e.target.value } : x)))}
                >
                  {[...new Set([...variableTypes, v.typeName])].map((type) => (
                    <option key={type} value={type}>
                      {t(`designer.variableTypes.${type}`, { defaultValue: type })}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="link mb-2 text-dns-14N-130 text-error-1"
                onClick={() => setVariables(variables.filter((_, i) => i !== index))}
                aria-label={t('designer.workflow.removeVariable', { name: v.name })}
              >
                {t('designer.workflow.remove')}
              </button>
              <label className="col-span-3 text-dns-14N-130" htmlFor={`${id}-v${index}-label-ja`}>
                {t('designer.workflow.variableLabelJa')}
                <input
                  id={`${id}-v${index}-label-ja`}
                  className={inputClass}
                  value={v.labelJa ?? ''}
                  onChange={(e) => setVariables(variables.map((x, i) => (i === index ? { ...x, labelJa: e.target.value } : x)))}
                  data-testid={`variable-label-ja-${v.name}`}
                />
              </label>
              <label className="col-span-3 text-dns-14N-130" htmlFor={`${id}-v${index}-label-en`}>
                {t('designer.workflow.variableLabelEn')}
                <input
                  id={`${id}-v${index}-label-en`}
                  className={inputClass}
                  lang="en"
                  value={v.labelEn ?? ''}
                  onChange={(e) => setVariables(variables.map((x, i) => (i === index ? { ...x, labelEn: e.target.value } : x)))}
                />
              </label>
              <label className="col-span-3 text-dns-14N-130" htmlFor={`${id}-v${index}-value`}>
                {t('designer.workflow.variableValue')}
                <input
                  id={`${id}-v${index}-value`}
                  className={inputClass}
                  value={v.value}
                  onChange={(e) => setVariables(variables.map((x, i) => (i === index ? { ...x, value: e.target.value } : x)))}
                />
              </label>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="btn-secondary mt-2"
          onClick={() => {
            const name = `variable${variables.length + 1}`;
            setVariables([...variables, { id: newVariableId(name, variables), name, typeName: 'String', value: '' }]);
          }}
        >
          {t('designer.workflow.addVariable')}
        </button>
      </fieldset>
    </section>
  );
}
