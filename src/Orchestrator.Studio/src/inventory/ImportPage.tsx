import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';
import { MessagePage } from '../pages/MessagePage';
import { useUser } from '../session';
import { canEditInventory, exportUrl, importWorkbook, type ImportResult, type WorkbookProblem } from './api';
import { failureReason, InventoryTabs } from './parts';

/** Excel 取込: check a workbook (dry run), see every problem by sheet, row and column, then import it. */
export function ImportPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  if (!canEditInventory(user.roles)) return <MessagePage kind="forbidden" />;
  const title = t('inventory.import.title');

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    setFailure(null);
    try {
      setResult(await importWorkbook(file, dryRun));
    } catch (error) {
      setFailure(failureReason(error));
    } finally {
      setBusy(null);
    }
  };

  const checkedValid = result?.valid === true && result.dryRun;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="mb-6 max-w-4xl">{t('inventory.import.lead')}</p>
      <InventoryTabs />
      <p className="mb-6">
        <a href={exportUrl} className="link" download>
          {t('inventory.import.template')}
        </a>
      </p>
      <div className="mb-6 flex flex-wrap items-end gap-4">
        <label className="flex flex-col gap-1">
          <span className="text-std-16B-170">{t('inventory.import.file')}</span>
          <input
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="import-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
            }}
          />
        </label>
        <button type="button" className="btn-secondary" disabled={!file || busy !== null} onClick={() => void run(true)} data-testid="import-check">
          {busy === 'check' ? t('inventory.import.checking') : t('inventory.import.check')}
        </button>
        <button type="button" className="btn-primary" disabled={!checkedValid || busy !== null} onClick={() => void run(false)} data-testid="import-run">
          {busy === 'import' ? t('inventory.import.importing') : t('inventory.import.import')}
        </button>
      </div>
      {failure && (
        <p role="alert" className="mb-6 border-l-4 border-error-1 bg-red-50 px-4 py-3">
          {failure}
        </p>
      )}
      <div aria-live="polite" data-testid="import-result">
        {result && <ResultView result={result} />}
      </div>
    </>
  );
}

function ResultView({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const s = result.summary;
  return (
    <>
      {result.valid ? (
        <div className="mb-6 max-w-4xl border-l-4 border-green-900 bg-green-50 px-4 py-3" data-testid="import-valid">
          <p className="font-bold">{result.dryRun ? t('inventory.import.valid') : t('inventory.import.imported')}</p>
          {s && (
            <>
              <p>{t('inventory.import.summary', { ...s })}</p>
              {s.added.length + s.changed.length + s.removed.length === 0 && <p>{t('inventory.import.unchanged')}</p>}
              {s.added.length > 0 && <p>{t('inventory.import.added', { codes: s.added.join('、') })}</p>}
              {s.changed.length > 0 && <p>{t('inventory.import.changed', { codes: s.changed.join('、') })}</p>}
              {s.removed.length > 0 && <p>{t('inventory.import.removed', { codes: s.removed.join('、') })}</p>}
            </>
          )}
        </div>
      ) : (
        <p role="alert" className="mb-4 max-w-4xl border-l-4 border-error-1 bg-red-50 px-4 py-3 font-bold" data-testid="import-invalid">
          {t('inventory.import.invalid', { count: result.errors.length })}
        </p>
      )}
      {result.errors.length > 0 && <ProblemTable caption={t('inventory.import.problemsCaption')} problems={result.errors} testId="import-errors" />}
      {result.warnings.length > 0 && <ProblemTable caption={t('inventory.import.warningsCaption')} problems={result.warnings} testId="import-warnings" />}
    </>
  );
}

function ProblemTable({ caption, problems, testId }: { caption: string; problems: readonly WorkbookProblem[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <table className="mb-6 w-full max-w-5xl border-collapse bg-white text-left" data-testid={testId}>
      <caption className="mb-2 text-left text-std-20B-150">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-solid-gray-600 bg-solid-gray-50">
          {(['sheet', 'row', 'column', 'message'] as const).map((c) => (
            <th key={c} scope="col" className="px-3 py-2">
              {t(`inventory.import.columns.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {problems.map((p, i) => (
          <tr key={`${p.path}-${i}`} className="border-b border-solid-gray-420 align-top">
            <td className="px-3 py-2">{p.sheet || t('inventory.import.wholeFile')}</td>
            <td className="px-3 py-2 tabular-nums">{p.row > 0 ? p.row : ''}</td>
            <td className="px-3 py-2">{p.column ? `${p.column}${p.header ? `（${p.header}）` : ''}` : (p.header ?? '')}</td>
            <td className="px-3 py-2">{p.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
