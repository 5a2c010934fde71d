import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Arm } from '../../tasks/api';
import type { DefinitionChoice } from '../api';
import { defaultCasesFile, emptyProcessRow, type ProcessRow } from '../form';
import { fieldId } from '../validation';
import { FieldError, FormSection, Hint, SelectField, TextField, type SectionProps } from './controls';

/** The case files shipped in fixtures/cases. */
export const shippedCaseFiles = ['fixtures/cases/okuyami.csv', 'fixtures/cases/tenshutsu-tennyu.csv', 'fixtures/cases/jidosha-oss.csv'] as const;

const caseFilesListId = 'pilot-case-files';

/** The published definitions of an arm, for one process key (or every key while none is chosen). */
export function armChoices(definitions: readonly DefinitionChoice[], arm: Arm, processKey: string): DefinitionChoice[] {
  return definitions
    .filter((d) => d.isPublished && d.arm === arm && (processKey === '' || d.processKey === processKey))
    .sort((a, b) => a.definitionId.localeCompare(b.definitionId));
}

/** Process keys that have a published definition. */
export function processKeys(definitions: readonly DefinitionChoice[]): string[] {
  return [...new Set(definitions.filter((d) => d.isPublished && d.processKey).map((d) => d.processKey!))].sort();
}

/** A new process key fills in its published as-is and to-be definitions and its shipped case file. */
export function withProcessKey(row: ProcessRow, processKey: string, definitions: readonly DefinitionChoice[]): ProcessRow {
  const pick = (arm: Arm, current: string) => {
    const choices = armChoices(definitions, arm, processKey);
    return choices.some((d) => d.definitionId === current) ? current : (choices[0]?.definitionId ?? '');
  };
  const casesFile = row.casesFile === '' || row.casesFile === defaultCasesFile(row.processKey) ? defaultCasesFile(processKey) : row.casesFile;
  return { ...row, processKey, asIs: pick('AsIs', row.asIs), toBe: pick('ToBe', row.toBe), casesFile };
}

/** Each arm's definition and version fields, as-is first. */
const arms = [
  { arm: 'AsIs', field: 'asIs' },
  { arm: 'ToBe', field: 'toBe' },
] as const;

function ProcessFields({
  row,
  index,
  definitions,
  showCasesFile,
  errors,
  change,
  remove,
}: {
  row: ProcessRow;
  index: number;
  definitions: readonly DefinitionChoice[];
  showCasesFile: boolean;
  errors: SectionProps['errors'];
  change: (row: ProcessRow) => void;
  remove: () => void;
}) {
  const { t } = useTranslation();
  const number = index + 1;
  const prefix = `processes.${index}`;
  const keyOptions = processKeys(definitions);
  if (row.processKey && !keyOptions.includes(row.processKey)) keyOptions.push(row.processKey);
  const definitionOptions = (arm: Arm, current: string) => {
    const options = armChoices(definitions, arm, row.processKey).map((d) => ({
      value: d.definitionId,
      label: t('pilots.form.definitionOption', { name: d.name, id: d.definitionId }),
    }));
    if (current && !options.some((o) => o.value === current)) options.push({ value: current, label: t('pilots.form.unpublished', { id: current }) });
    return options;
  };
  return (
    <fieldset className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 p-4" data-testid={`process-row-${index}`}>
      <legend className="px-2 text-std-17B-170 text-solid-gray-900">{t('pilots.form.processLegend', { number })}</legend>
      <SelectField
        field={`${prefix}.processKey`}
        label={t('pilots.form.processKey')}
        value={row.processKey}
        onChange={(key) => change(withProcessKey(row, key, definitions))}
        errors={errors}
        options={keyOptions.map((key) => ({ value: key, label: key }))}
        placeholder={t('pilots.form.choose')}
        required
        width="max-w-md"
      />
      <div className="grid gap-4 md:grid-cols-[1fr_12rem]">
        {arms.map(({ arm, field }) => {
          const version = `${field}Version` as const;
          return (
            <Fragment key={arm}>
              <SelectField
                field={`${prefix}.${field}`}
                label={t(`pilots.form.${field}`)}
                value={row[field]}
                onChange={(id) => change({ ...row, [field]: id })}
                errors={errors}
                options={definitionOptions(arm, row[field])}
                placeholder={t('pilots.form.choose')}
                required
              />
              <TextField
                field={`${prefix}.${version}`}
                label={t(`pilots.form.${version}`)}
                type="number"
                min={1}
                value={row[version]}
                onChange={(v) => change({ ...row, [version]: v })}
                errors={errors}
                width="max-w-48"
              />
            </Fragment>
          );
        })}
      </div>
      {showCasesFile && (
        <TextField
          field={`${prefix}.casesFile`}
          label={t('pilots.form.casesFile')}
          hint={t('pilots.form.casesFileHint')}
          value={row.casesFile}
          onChange={(casesFile) => change({ ...row, casesFile })}
          errors={errors}
          list={caseFilesListId}
          required
        />
      )}
      <div>
        <button type="button" className="btn-secondary" onClick={remove} data-testid={`process-remove-${index}`}>
          {t('pilots.form.removeProcess', { number })}
        </button>
      </div>
    </fieldset>
  );
}

export function ProcessesSection({ form, update, errors, definitions }: SectionProps & { definitions: readonly DefinitionChoice[] }) {
  const { t } = useTranslation();
  const setRow = (index: number, row: ProcessRow) => update((f) => ({ ...f, processes: f.processes.map((r, i) => (i === index ? row : r)) }));
  const removeRow = (index: number) => update((f) => ({ ...f, processes: f.processes.filter((_, i) => i !== index) }));
  return (
    <FormSection title={t('pilots.form.processes')} testId="section-processes">
      <div id={fieldId('processes')} tabIndex={-1} className="flex flex-col gap-2">
        <Hint field="processes">{t('pilots.form.processesHint')}</Hint>
        {processKeys(definitions).length === 0 && <p className="text-error-2">{t('pilots.form.noDefinitions')}</p>}
        <FieldError field="processes" errors={errors} />
      </div>
      <datalist id={caseFilesListId}>
        {shippedCaseFiles.map((file) => (
          <option key={file} value={file} />
        ))}
      </datalist>
      {form.processes.map((row, index) => (
        <ProcessFields
          key={row.rowId}
          row={row}
          index={index}
          definitions={definitions}
          showCasesFile={form.caseSourceKind === 'Csv'}
          errors={errors}
          change={(changed) => setRow(index, changed)}
          remove={() => removeRow(index)}
        />
      ))}
      <div>
        <button
          type="button"
          className="btn-secondary"
          onClick={() => update((f) => ({ ...f, processes: [...f.processes, emptyProcessRow()] }))}
          data-testid="process-add"
        >
          {t('pilots.form.addProcess')}
        </button>
      </div>
    </FormSection>
  );
}
