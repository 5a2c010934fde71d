import { useTranslation } from 'react-i18next';
import type { SimulationRun } from './api';

/** Cases ended of cases planned, and 中止. */
export function RunProgress({ run, onCancel }: { run: SimulationRun<unknown>; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="flex items-center gap-2" data-testid="whatif-progress">
      <progress max={run.total} value={run.done} className="w-48" aria-label={t('whatif.progress')} />
      <span className="text-dns-16N-130">{run.status === 'Queued' ? t('whatif.queued') : t('whatif.progressText', { done: run.done, total: run.total })}</span>
      <button type="button" className="btn-secondary !min-h-8 !py-1" onClick={onCancel} data-testid="whatif-cancel">
        {t('whatif.cancel')}
      </button>
    </div>
  );
}
