import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { DateTime } from '../tasks/parts';
import type { JournalEntry } from './api';
import { formatDuration, formatMinutes } from './instanceStats';

/** The instance's journal: one row per activity execution with its times, outcome, actor and effort. */
export function JournalTable({ journal }: { journal: readonly JournalEntry[] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  if (journal.length === 0) return <p data-testid="journal-empty">{t('designer.viewer.journalEmpty')}</p>;
  const columns = ['sequence', 'step', 'status', 'outcome', 'started', 'completed', 'duration', 'actor', 'effort'] as const;
  return (
    // The band around the journal scrolls (and takes the focus); the table does not scroll on its own.
    <div>
      <table className="w-full min-w-[56rem] border-collapse bg-white text-left text-dns-16N-130" data-testid="journal">
        <caption className="sr-only">{t('designer.viewer.journal')}</caption>
        <thead>
          <tr className="border-b-2 border-solid-gray-600 bg-solid-gray-50">
            {columns.map((c) => (
              <th key={c} scope="col" className="px-2 py-2 text-dns-16B-130">
                {t(`designer.viewer.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {journal.map((e) => (
            <tr key={e.id} className="border-b border-solid-gray-420 align-top" data-testid={`journal-row-${e.activityId}`}>
              <td className="px-2 py-1">{e.sequence}</td>
              <th scope="row" className="px-2 py-1 font-normal">
                <span className="block font-bold">{e.activityName || e.activityId}</span>
                <span className="text-dns-14N-130 text-solid-gray-700">
                  {e.stepCode ? `${e.stepCode} · ` : ''}
                  {e.activityType}
                </span>
                {e.message && <span className="block text-dns-14N-130 text-error-1">{e.message}</span>}
              </th>
              <td className="px-2 py-1">{t(`designer.runStatus.${e.status}`, { defaultValue: e.status })}</td>
              <td className="px-2 py-1">{e.outcome ?? '—'}</td>
              <td className="px-2 py-1 whitespace-nowrap">{e.startedAt ? <DateTime iso={e.startedAt} /> : '—'}</td>
              <td className="px-2 py-1 whitespace-nowrap">{e.completedAt ? <DateTime iso={e.completedAt} /> : '—'}</td>
              <td className="px-2 py-1 whitespace-nowrap" data-testid="journal-duration">
                {e.durationSeconds !== null ? formatDuration(e.durationSeconds, language) : '—'}
              </td>
              <td className="px-2 py-1">{e.task?.actorId ?? '—'}</td>
              <td className="px-2 py-1 whitespace-nowrap">{e.task?.effortMinutes != null ? formatMinutes(e.task.effortMinutes, language) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
