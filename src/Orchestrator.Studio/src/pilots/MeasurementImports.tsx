import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { formatDateTime } from '../tasks/format';
import { useResource } from '../components/useResource';
import { importFile, importKinds, listImports, templateUrl, withdrawImport, type ImportKind, type ImportResult } from './measurements';
import { failureReason } from './parts';

const th = 'px-3 py-2 text-std-16B-170 text-solid-gray-900';
const td = 'px-3 py-2';

/**
 * 実測データ取込 of a cycle: download a template, check a filled time study or questionnaire (a dry run that lists
 * every problem by sheet, row and column), import it when it is valid, and see or withdraw the cycle's imports.
 * A simulated cycle takes no measurements.
 */
export function MeasurementImports({ cycleId, simulated }: { cycleId: string; simulated: boolean }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const ids = useId();
  const [kind, setKind] = useState<ImportKind>('timeStudy');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const imports = useResource((signal) => listImports(cycleId, signal), `imports:${cycleId}`);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    setError(null);
    try {
      const answer = await importFile(cycleId, kind, file, dryRun);
      setResult(answer);
      if (!dryRun && answer.valid) imports.reload();
    } catch (e) {
      setError(e);
      setResult(null);
    } finally {
      setBusy(null);
    }
  };
  const withdraw = async (id: string) => {
    if (!window.confirm(t('pilots.imports.withdrawConfirm'))) return;
    try {
      await withdrawImport(id);
      imports.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby={`${ids}-heading`} className="mb-8 max-w-5xl" data-testid="measurement-imports">
      <h2 id={`${ids}-heading`} className="mb-2 text-std-24B-150 text-solid-gray-900">
        {t('pilots.imports.title')}
      </h2>
      <p className="mb-4 text-dns-16N-130 text-solid-gray-700">{t('pilots.imports.lead')}</p>
      {simulated ? (
        <p className="mb-4 rounded-8 border border-solid-gray-420 bg-white p-4" data-testid="imports-simulated">
          {t('pilots.imports.simulated')}
        </p>
      ) : (
        <div className="mb-6 rounded-8 border border-solid-gray-420 bg-white p-4" data-testid="import-dialog">
          <fieldset className="mb-3">
            <legend className="mb-1 text-std-16B-170">{t('pilots.imports.kind')}</legend>
            {importKinds.map((k) => (
              <label key={k} className="mr-6 inline-flex items-center gap-2">
                <input
                  type="radio"
                  name={`${ids}-kind`}
                  value={k}
                  checked={kind === k}
                  onChange={() => {
                    setKind(k);
                    setResult(null);
                  }}
                />
                {t(`pilots.imports.kinds.${k}`)}
              </label>
            ))}
          </fieldset>
          <p className="mb-3 flex flex-wrap gap-4" data-testid="import-templates">
            <a className="link" href={templateUrl(kind, 'xlsx')} download>
              {t('pilots.imports.templateXlsx')}
            </a>
            <a className="link" href={templateUrl(kind, 'csv')} download>
              {t('pilots.imports.templateCsv')}
            </a>
          </p>
          <label htmlFor={`${ids}-file`} className="mb-1 block text-std-16B-170">
            {t('pilots.imports.file')}
          </label>
          <input
            id={`${ids}-file`}
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="mb-3 block"
            data-testid="import-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
            }}
          />
          <div className="flex gap-3">
            <button type="button" className="btn-secondary" disabled={!file || busy !== null} onClick={() => void run(true)} data-testid="import-check">
              {t('pilots.imports.check')}
            </button>
            <button
              type="button"
              className="btn-primary"
              disabled={!file || busy !== null || !result?.valid || !result.dryRun || result.alreadyImported}
              onClick={() => void run(false)}
              data-testid="import-run"
            >
              {t('pilots.imports.import')}
            </button>
          </div>
          <p role="status" aria-live="polite" className="mt-2 min-h-6 text-dns-16N-130" data-testid="import-status">
            {busy ? t(`pilots.imports.busy.${busy}`) : ''}
          </p>
          {error !== null && (
            <p role="alert" className="mt-2 border-l-4 border-error-1 bg-red-50 px-4 py-3">
              {t('pilots.imports.failed', { reason: failureReason(error) })}
            </p>
          )}
          {result && <ImportOutcome result={result} />}
        </div>
      )}
      <h3 className="mb-2 text-std-20B-150">{t('pilots.imports.list')}</h3>
      {imports.data && imports.data.length === 0 && <p data-testid="imports-empty">{t('pilots.imports.none')}</p>}
      {imports.data && imports.data.length > 0 && (
        <table className="w-full border-collapse bg-white text-left" data-testid="imports-table">
          <thead>
            <tr className="border-b-2 border-solid-gray-600 bg-solid-gray-50">
              {(['file', 'kind', 'rows', 'importedAt', 'status'] as const).map((c) => (
                <th key={c} scope="col" className={th}>
                  {t(`pilots.imports.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {imports.data.map((i) => (
              <tr key={i.id} className="border-b border-solid-gray-420 align-top" data-testid={`import-row-${i.id}`}>
                <th scope="row" className={`${td} font-normal`}>
                  {i.fileName}
                </th>
                <td className={td}>{t(`pilots.imports.kinds.${i.kind}`)}</td>
                <td className={td}>{t('pilots.imports.rowsValue', { rows: i.rows, skipped: i.skippedRows })}</td>
                <td className={td}>{`${formatDateTime(i.importedAt, language)}${i.importedBy ? ` (${i.importedBy})` : ''}`}</td>
                <td className={td}>
                  {i.withdrawnAt ? (
                    t('pilots.imports.withdrawn', { at: formatDateTime(i.withdrawnAt, language) })
                  ) : (
                    <button type="button" className="btn-secondary" onClick={() => void withdraw(i.id)}>
                      {t('pilots.imports.withdraw')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** What a check or an import found: the summary, or every problem with its sheet, row and column. */
function ImportOutcome({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  if (result.alreadyImported)
    return (
      <p className="mt-2" data-testid="import-result">
        {t('pilots.imports.already')}
      </p>
    );
  if (result.valid)
    return (
      <p className="mt-2" data-testid="import-result">
        {t(result.dryRun ? 'pilots.imports.checked' : 'pilots.imports.imported', {
          rows: result.rows,
          added: result.newRows,
          skipped: result.skippedRows,
          matched: result.matchedCases,
          created: result.createdCases,
        })}
      </p>
    );
  return (
    <div className="mt-2" data-testid="import-result">
      <p role="alert" className="mb-2 font-bold text-error-1">
        {t('pilots.imports.problems', { count: result.problems.length })}
      </p>
      <table className="w-full border-collapse bg-white text-left" data-testid="import-problems">
        <thead>
          <tr className="border-b-2 border-solid-gray-600 bg-solid-gray-50">
            {(['sheet', 'row', 'column', 'message'] as const).map((c) => (
              <th key={c} scope="col" className={th}>
                {t(`pilots.imports.problemColumns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.problems.map((p, i) => (
            <tr key={i} className="border-b border-solid-gray-420 align-top" data-testid="import-problem">
              <td className={td}>{p.sheet}</td>
              <td className={td}>{p.row ?? '–'}</td>
              <td className={td}>{p.column ?? '–'}</td>
              <td className={td}>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
