import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getSampleCase } from './api';
import { Dialog } from './Dialog';
import { TextField } from './fields';
import type { Variable } from './settings';

const emptyInput = '{\n}';

/**
 * Input for a test run: the workflow input as JSON (filled with the first case of the process's case file, when it
 * has one) and an optional correlation id.
 */
export function TestRunDialog({
  processKey,
  variables,
  dirty,
  busy,
  error,
  onStart,
  onClose,
}: {
  processKey: string;
  variables: readonly Variable[];
  dirty: boolean;
  busy: boolean;
  error: string | null;
  onStart: (input: Record<string, unknown>, correlationId: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(emptyInput);
  const [correlationId, setCorrelationId] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [sampleFile, setSampleFile] = useState<string | null>(null);

  useEffect(() => {
    if (!processKey) return;
    const abort = new AbortController();
    getSampleCase(processKey, abort.signal).then(
      (sample) => {
        // Only into an input the user has not started writing.
        setText((current) => (current === emptyInput ? JSON.stringify(sample.input, null, 2) : current));
        setCorrelationId((current) => current || `TEST-${sample.input.caseId ?? ''}`.replace(/-$/, ''));
        setSampleFile(sample.file);
      },
      () => undefined, // No case file: the empty input stays, and the hint says what the workflow reads.
    );
    return () => abort.abort();
  }, [processKey]);
  const start = () => {
    try {
      const parsed: unknown = JSON.parse(text.trim() || '{}');
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      setInvalid(false);
      onStart(parsed as Record<string, unknown>, correlationId.trim());
    } catch {
      setInvalid(true);
    }
  };
  return (
    <Dialog title={t('designer.testRun.title')} onClose={onClose} testId="test-run-dialog">
      <p className="mb-3">{t('designer.testRun.lead')}</p>
      {sampleFile && (
        <p className="mb-3 border-l-4 border-blue-900 bg-blue-50 p-2" data-testid="test-run-sample">
          {t('designer.testRun.sample', { file: sampleFile })}
        </p>
      )}
      {dirty && <p className="mb-3 border-l-4 border-blue-900 bg-blue-50 p-2">{t('designer.testRun.savesFirst')}</p>}
      <TextField
        label={t('designer.testRun.input')}
        multiline
        mono
        value={text}
        onChange={setText}
        hint={
          variables.length > 0 ? t('designer.testRun.inputHintVariables', { names: variables.map((v) => v.name).join(', ') }) : t('designer.testRun.inputHint')
        }
        error={invalid ? [t('designer.testRun.inputInvalid')] : undefined}
        testId="test-run-input"
      />
      <TextField label={t('designer.testRun.correlationId')} value={correlationId} onChange={setCorrelationId} hint={t('designer.testRun.correlationIdHint')} />
      {error && (
        <p role="alert" className="mb-3 border-l-4 border-error-1 bg-red-50 p-2" data-testid="test-run-error">
          {error}
        </p>
      )}
      <button type="button" className="btn-primary" onClick={start} disabled={busy} data-testid="test-run-start">
        {busy ? t('designer.testRun.starting') : t('designer.testRun.start')}
      </button>
    </Dialog>
  );
}
