import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../i18n';
import { listPilots, type PilotView } from '../pilots/api';
import { localName } from '../pilots/format';
import { failureReason } from '../tasks/parts';
import { Dialog } from './Dialog';

/** A pilot arm that runs this definition: whether it follows the published version or stays on a pinned one. */
export interface PilotUse {
  pilot: PilotView;
  processKey: string;
  arm: 'AsIs' | 'ToBe';
  pinnedVersion: number | null;
}

/** The pilots whose configuration names the definition, one entry per process and arm. */
export function pilotUses(pilots: readonly PilotView[], definitionId: string): PilotUse[] {
  return pilots.flatMap((pilot) =>
    (pilot.configuration.processes ?? []).flatMap((p) =>
      (['AsIs', 'ToBe'] as const).flatMap((arm) => {
        const definition = arm === 'AsIs' ? p.asIs : p.toBe;
        return definition?.definitionId === definitionId ? [{ pilot, processKey: p.processKey ?? '', arm, pinnedVersion: definition.version ?? null }] : [];
      }),
    ),
  );
}

/**
 * 公開 asks first: it names every pilot that runs this workflow and says whether its next cycle takes the new version
 * (it follows the published version) or keeps its pinned one — so a running pilot never changes version unnoticed.
 */
export function PublishDialog({
  definitionId,
  version,
  saveFirst,
  busy,
  onPublish,
  onClose,
}: {
  definitionId: string;
  version: number | null;
  saveFirst: boolean;
  busy: boolean;
  onPublish: () => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [loadedUses, setUses] = useState<PilotUse[] | null>(null);
  // A definition never saved has no pilots to name.
  const uses = definitionId ? loadedUses : [];
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!definitionId) return;
    const abort = new AbortController();
    listPilots(abort.signal).then(
      (pilots) => setUses(pilotUses(pilots, definitionId)),
      (e: unknown) => !abort.signal.aborted && setError(failureReason(e)),
    );
    return () => abort.abort();
  }, [definitionId]);

  const target = saveFirst || version === null ? t('designer.publish.newVersion') : t('designer.versionText', { version });
  return (
    <Dialog title={t('designer.publish.title')} onClose={onClose} testId="publish-dialog">
      <p className="mb-3">{t('designer.publish.lead', { version: target })}</p>
      {saveFirst && <p className="mb-3 border-l-4 border-blue-900 bg-blue-50 p-2">{t('designer.publish.savesFirst')}</p>}
      <h3 className="mb-2 text-std-18B-160">{t('designer.publish.pilots')}</h3>
      {error && (
        <p role="alert" className="mb-3 border-l-4 border-warning-yellow-1 bg-yellow-50 p-2">
          {t('designer.publish.pilotsFailed', { reason: error })}
        </p>
      )}
      {uses === null && !error && <p role="status">{t('designer.loading')}</p>}
      {uses?.length === 0 && (
        <p className="mb-3" data-testid="publish-no-pilots">
          {t('designer.publish.noPilots')}
        </p>
      )}
      {uses && uses.length > 0 && (
        <ul className="mb-4 flex flex-col gap-2" data-testid="publish-pilots">
          {uses.map((use) => (
            <li
              key={`${use.pilot.id}-${use.processKey}-${use.arm}`}
              className="rounded-8 border border-solid-gray-420 p-3"
              data-testid={`publish-pilot-${use.pilot.id}`}
            >
              <Link className="link font-bold" to={`/pilots/${encodeURIComponent(use.pilot.id)}`}>
                {localName(use.pilot.name, language, use.pilot.id)}
              </Link>
              <span className="ml-2 text-dns-14N-130 text-solid-gray-700">
                {t(`designer.arm.${use.arm}`)} · {use.pilot.active ? t('designer.publish.active') : t('designer.publish.inactive')}
              </span>
              <p className="mt-1" data-testid="publish-pilot-effect">
                {use.pinnedVersion === null ? t('designer.publish.follows', { version: target }) : t('designer.publish.pinned', { version: use.pinnedVersion })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap gap-3">
        <button type="button" className="btn-primary" onClick={onPublish} disabled={busy || (uses === null && !error)} data-testid="publish-confirm">
          {busy ? t('designer.publish.publishing') : t('designer.publish.confirm')}
        </button>
        <button type="button" className="btn-secondary" onClick={onClose}>
          {t('designer.publish.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
