import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { failureReason } from '../tasks/parts';
import { DefinitionRejected, getDefinition, publishDefinition, saveDefinition, startInstance, type DefinitionSummary } from './api';
import type { ActivityDescriptor, CanvasState } from './model';
import { designerProblems, errorCount, mapServerProblems } from './problems';
import { docJson, type useDesignerDocument } from './useDesignerDocument';
import type { useLiveValidation } from './useLiveValidation';

export type Notice = { kind: 'status' | 'alert'; text: string } | null;

export interface DefinitionActionsInput {
  d: ReturnType<typeof useDesignerDocument>;
  readOnly: boolean;
  descriptors: readonly ActivityDescriptor[];
  canvas: CanvasState;
  validation: ReturnType<typeof useLiveValidation>;
  setNotice: (notice: Notice) => void;
  onCreated: (definitionId: string) => void;
  onReload: () => void;
  closeDialog: () => void;
}

/**
 * What the designer does with the server: save a draft, publish (validating first, saving when needed), start a
 * test run, restore an old version as a new draft, and export the canvas as an Elsa file.
 */
export function useDefinitionActions({ d, readOnly, descriptors, canvas, validation, setNotice, onCreated, onReload, closeDialog }: DefinitionActionsInput) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<'save' | 'publish' | 'run' | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const { doc } = d;
  const definitionId = typeof doc.definition.definitionId === 'string' ? doc.definition.definitionId : '';
  const version = typeof doc.definition.version === 'number' ? doc.definition.version : null;
  const saved = definitionId !== '' && !d.dirty;

  const showRejected = (error: DefinitionRejected, title: string) => {
    validation.setProblems(mapServerProblems({ errors: error.errors, warnings: error.warnings }, canvas, descriptors));
    setNotice({ kind: 'alert', text: title });
  };

  const save = async (): Promise<DefinitionSummary | null> => {
    if (readOnly) return null;
    setBusy('save');
    const savedDoc = doc;
    try {
      const result = await saveDefinition(JSON.stringify(docJson(savedDoc), null, 2));
      const s = result.definition;
      d.markSaved(savedDoc, (definition) => ({
        ...definition,
        id: s.id,
        definitionId: s.definitionId,
        version: s.version,
        isLatest: true,
        isPublished: s.isPublished,
      }));
      setNotice({ kind: 'status', text: t('designer.notice.saved', { version: s.version }) });
      if (!definitionId) onCreated(s.definitionId);
      return s;
    } catch (error) {
      if (error instanceof DefinitionRejected) showRejected(error, t('designer.notice.saveRejected'));
      else setNotice({ kind: 'alert', text: t('designer.notice.saveFailed', { reason: failureReason(error) }) });
      return null;
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    if (readOnly) return;
    setBusy('publish');
    try {
      const found = [...(await validation.check()), ...designerProblems(canvas)];
      if (errorCount(found) > 0) {
        setNotice({ kind: 'alert', text: t('designer.notice.publishBlocked', { count: errorCount(found) }) });
        return;
      }
      let target = version;
      let id = definitionId;
      if (!saved || target === null) {
        const s = await save();
        if (!s) return;
        target = s.version;
        id = s.definitionId;
        setBusy('publish');
      }
      const published = await publishDefinition(id, target);
      d.restamp((definition) => ({ ...definition, id: published.id, definitionId: id, version: published.version, isLatest: true, isPublished: true }));
      setNotice({ kind: 'status', text: t('designer.notice.published', { version: published.version }) });
    } catch (error) {
      setNotice({ kind: 'alert', text: t('designer.notice.publishFailed', { reason: failureReason(error) }) });
    } finally {
      setBusy(null);
    }
  };

  const testRun = async (input: Record<string, unknown>, correlationId: string) => {
    setRunError(null);
    let id = definitionId;
    let target = version;
    if (!saved || target === null) {
      const s = await save();
      if (!s) {
        setRunError(t('designer.testRun.saveFailed'));
        return;
      }
      id = s.definitionId;
      target = s.version;
    }
    setBusy('run');
    try {
      const started = await startInstance(id, target, input, correlationId || undefined);
      closeDialog();
      navigate(`/workflows/instances/${encodeURIComponent(started.id)}`);
    } catch (error) {
      setRunError(t('designer.testRun.failed', { reason: failureReason(error) }));
    } finally {
      setBusy(null);
    }
  };

  const exportFile = () => {
    const json = { $schema: 'https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json', ...docJson(doc) };
    const blob = new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${definitionId || 'workflow'}${version !== null ? `-v${version}` : ''}.json`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const restore = async (restoreVersion: number) => {
    if (d.dirty && !window.confirm(t('designer.unsavedConfirm'))) return;
    try {
      const older = await getDefinition(definitionId, restoreVersion);
      const result = await saveDefinition(JSON.stringify(older, null, 2));
      closeDialog();
      navigate(`/workflows/${encodeURIComponent(result.definition.definitionId)}`, { state: { restored: restoreVersion } });
      onReload();
    } catch (error) {
      setNotice({ kind: 'alert', text: t('designer.notice.restoreFailed', { reason: failureReason(error) }) });
    }
  };

  return { busy, runError, setRunError, save, publish, testRun, restore, exportFile };
}
