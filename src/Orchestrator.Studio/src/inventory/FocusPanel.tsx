import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { currentLanguage } from '../i18n';
import { formatNumber } from '../reports/format';
import { formatDateTime } from '../tasks/format';
import { recordFocusChoice, type FocusChoice } from './api';
import { TextInput } from './form/controls';
import { errorsFrom, type Errors } from './form/model';
import { failureReason } from './parts';

/** Records the chosen procedures as 重点分野 with the reasoning (coordinators), and lists earlier records. */
export function FocusPanel({
  schemeId,
  chosen,
  editable,
  history,
  onRecorded,
}: {
  schemeId: string;
  chosen: readonly string[];
  editable: boolean;
  history: readonly FocusChoice[] | null;
  onRecorded: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [reasoning, setReasoning] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const record = async () => {
    setBusy(true);
    setNotice(null);
    try {
      await recordFocusChoice(schemeId, [...chosen], reasoning);
      setErrors({});
      setFailure(null);
      setReasoning('');
      setNotice(t('inventory.ranking.recorded'));
      onRecorded();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.problem?.errors) {
        setErrors(errorsFrom(error.problem.errors));
        setFailure(error.problem.errors.map((e) => e.message).join(' / '));
      } else {
        setFailure(failureReason(error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="mb-8 max-w-5xl" data-testid="focus-panel">
      <h2 className="mb-2 text-std-24B-150">{t('inventory.ranking.focusTitle')}</h2>
      {editable && (
        <div className="mb-6 flex flex-col gap-3 rounded-8 border border-solid-gray-420 bg-white p-4">
          <p>{t('inventory.ranking.focusLead')}</p>
          <p className="font-bold" data-testid="focus-selected">
            {t('inventory.ranking.selected', { count: chosen.length })}
          </p>
          <TextInput
            field="reasoning"
            label={t('inventory.ranking.reasoning')}
            errors={errors}
            required
            multiline
            value={reasoning}
            onChange={setReasoning}
            width="w-full"
            maxLength={4000}
          />
          {failure && (
            <p role="alert" className="border-l-4 border-error-1 bg-red-50 px-4 py-2" data-testid="focus-failure">
              {failure}
            </p>
          )}
          <p role="status" aria-live="polite" data-testid="focus-notice">
            {notice ?? ''}
          </p>
          <p>
            <button type="button" className="btn-primary" disabled={busy} onClick={() => void record()} data-testid="focus-record">
              {busy ? t('inventory.ranking.recording') : t('inventory.ranking.record')}
            </button>
          </p>
        </div>
      )}
      <h3 className="mb-2 text-std-20B-150">{t('inventory.ranking.historyTitle')}</h3>
      {history !== null && history.length === 0 && <p>{t('inventory.ranking.noHistory')}</p>}
      <ol className="flex flex-col gap-4" data-testid="focus-history">
        {(history ?? []).map((c) => (
          <li key={c.id} className="rounded-8 border border-solid-gray-420 bg-white p-4">
            <p className="font-bold">
              {t('inventory.ranking.choiceHeading', { at: formatDateTime(c.chosenAt, language), scheme: c.schemeName, by: c.chosenBy ?? '—' })}
            </p>
            <p className="mb-2">{t('inventory.ranking.choiceFields', { fields: c.fields.join('・') })}</p>
            <ul className="mb-2 list-disc pl-6">
              {c.procedures.map((e) => (
                <li key={e.code}>
                  {t('inventory.ranking.choiceEntry', {
                    rank: e.rank,
                    name: e.nameJa,
                    field: e.field,
                    score: formatNumber(e.score, language, 1),
                    stability: e.stable ? t('inventory.ranking.stableShort') : t('inventory.ranking.unstableShort'),
                  })}
                </li>
              ))}
            </ul>
            <p className="whitespace-pre-wrap">{c.reasoning}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
