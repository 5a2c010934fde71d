import { useTranslation } from 'react-i18next';
import { NumberField, SelectField, TextField } from './fields';
import { measurementOf, withMeasurement, type Measurement } from './measurement';
import { isObject, type Activity, type Json, type JsonObject } from './model';
import { OutcomeWeightsEditor } from './OutcomeWeightsEditor';
import { SourceFields } from './SourceFields';
import { lanes } from './swimlane';

const counts = ['forms', 'transcribedItems', 'residentVisits', 'residentDocuments', 'residentMinutes'] as const;
export const costKinds = ['paper', 'printing', 'postage', 'fee', 'system'] as const;
const payers = ['', 'Municipality', 'Prefecture', 'National', 'Resident'] as const;

type Provenance = Record<string, { source?: string; basis?: string }>;
interface Cost {
  kind?: string;
  yen?: number;
  source?: string;
  basis?: string;
  payer?: string;
}

/**
 * The measurement tab: what the pilot measures about this step. Each figure takes its source (実測 / 公表 / 推計) and
 * basis (the citation, or how it was estimated); a visit group makes steps done in one trip count as one visit; costs
 * are declared per execution; an outcome can be marked as rework (差戻し, 補正, 再提出).
 */
export function MeasurementEditor({
  activity,
  ports,
  errors,
  onChange,
}: {
  activity: Activity;
  ports: readonly string[];
  errors: string[];
  onChange: (activity: Activity) => void;
}) {
  const { t } = useTranslation();
  const m = measurementOf(activity);
  const set = (patch: Partial<Measurement>) => onChange(withMeasurement(activity, { ...m, ...patch }));
  const effort = m.standardEffortMinutes ?? {};
  const setEffort = (key: 'min' | 'mode' | 'max', value: number | undefined) => {
    const next = { ...effort, [key]: value };
    if (value === undefined) delete next[key];
    set({ standardEffortMinutes: Object.keys(next).length ? next : undefined });
  };
  const num = (value: unknown) => (typeof value === 'number' ? value : undefined);
  const provenance: Provenance = isObject(m.provenance as Json) ? (m.provenance as Provenance) : {};
  const setSource = (figure: string, patch: { source?: string; basis?: string }) => {
    const entry = { ...provenance[figure], ...patch };
    if (!entry.source) delete entry.source;
    if (!entry.basis) delete entry.basis;
    const next = { ...provenance, [figure]: entry };
    if (Object.keys(entry).length === 0) delete next[figure];
    set({ provenance: Object.keys(next).length ? next : undefined });
  };
  const costs: Cost[] = Array.isArray(m.costs) ? (m.costs as Cost[]) : [];
  const setCosts = (next: Cost[]) => set({ costs: next.length ? next : undefined });
  const outcomes: JsonObject = isObject(m.outcomes as Json) ? (m.outcomes as JsonObject) : {};
  const setRework = (port: string, rework: boolean) => {
    const next = { ...outcomes };
    if (rework) next[port] = { rework: true };
    else delete next[port];
    set({ outcomes: Object.keys(next).length ? next : undefined });
  };

  return (
    <div data-testid="measurement-editor">
      <p className="mb-3 text-dns-14N-130 text-solid-gray-700">{t('designer.measurement.lead')}</p>
      <TextField
        label={t('designer.measurement.stepCode')}
        value={typeof m.stepCode === 'string' ? m.stepCode : ''}
        onChange={(v) => set({ stepCode: v || undefined })}
        hint={t('designer.measurement.stepCodeHint')}
        testId="measurement-stepCode"
      />
      <SelectField
        label={t('designer.measurement.actorOrgLevel')}
        value={typeof m.actorOrgLevel === 'string' ? m.actorOrgLevel : ''}
        options={[{ value: '', label: t('designer.props.notSet') }, ...lanes.map((l) => ({ value: l, label: t(`designer.lanes.${l}`) }))]}
        onChange={(v) => set({ actorOrgLevel: v || undefined })}
        hint={t('designer.measurement.actorOrgLevelHint')}
        testId="measurement-actorOrgLevel"
      />
      <TextField
        label={t('designer.measurement.actorChangeReason')}
        value={typeof m.actorChangeReason === 'string' ? m.actorChangeReason : ''}
        onChange={(v) => set({ actorChangeReason: v || undefined })}
        hint={t('designer.measurement.actorChangeReasonHint')}
        multiline
        testId="measurement-actorChangeReason"
      />
      <TextField
        label={t('designer.measurement.actorRole')}
        value={typeof m.actorRole === 'string' ? m.actorRole : ''}
        onChange={(v) => set({ actorRole: v || undefined })}
        placeholder={t('designer.measurement.actorRolePlaceholder')}
      />
      {errors.map((message, i) => (
        <p key={i} className="field-error mb-2 text-dns-14N-130" data-testid="field-error">
          {message}
        </p>
      ))}
      <fieldset className="mb-3 rounded-8 border border-solid-gray-420 p-2">
        <legend className="px-1 text-dns-16B-130">{t('designer.measurement.effort')}</legend>
        <div className="grid grid-cols-3 gap-2">
          <NumberField label={t('designer.measurement.min')} value={num(effort.min)} min={0} onChange={(v) => setEffort('min', v)} testId="effort-min" />
          <NumberField label={t('designer.measurement.mode')} value={num(effort.mode)} min={0} onChange={(v) => setEffort('mode', v)} testId="effort-mode" />
          <NumberField label={t('designer.measurement.max')} value={num(effort.max)} min={0} onChange={(v) => setEffort('max', v)} testId="effort-max" />
        </div>
        <p className="text-dns-14N-130 text-solid-gray-700">{t('designer.measurement.effortHint')}</p>
        <SourceFields figure="standardEffortMinutes" entry={provenance.standardEffortMinutes} onChange={setSource} />
      </fieldset>
      {counts.map((key) => {
        const hint = t(`designer.measurement.hints.${key}`, { defaultValue: '' });
        return (
          <fieldset key={key} className="mb-3 rounded-8 border border-solid-gray-420 p-2" data-testid={`figure-${key}`}>
            <legend className="px-1 text-dns-16B-130">{t(`designer.measurement.${key}`)}</legend>
            <NumberField
              label={t('designer.measurement.value')}
              value={num(m[key])}
              min={0}
              onChange={(v) => set({ [key]: v })}
              {...(hint ? { hint } : {})}
              testId={`measurement-${key}`}
            />
            <SourceFields figure={key} entry={provenance[key]} onChange={setSource} />
          </fieldset>
        );
      })}
      <TextField
        label={t('designer.measurement.visitGroup')}
        value={typeof m.visitGroup === 'string' ? m.visitGroup : ''}
        onChange={(v) => set({ visitGroup: v || undefined })}
        hint={t('designer.measurement.visitGroupHint')}
        testId="measurement-visitGroup"
      />
      {ports.length > 1 && (
        <fieldset className="mb-3 rounded-8 border border-solid-gray-420 p-2" data-testid="measurement-rework">
          <legend className="px-1 text-dns-16B-130">{t('designer.measurement.rework')}</legend>
          {ports.map((port) => (
            <label key={port} className="mb-1 flex items-center gap-2">
              <input
                type="checkbox"
                checked={isObject(outcomes[port] as Json) && (outcomes[port] as JsonObject).rework === true}
                onChange={(e) => setRework(port, e.target.checked)}
              />
              {port}
            </label>
          ))}
          <p className="text-dns-14N-130 text-solid-gray-700">{t('designer.measurement.reworkHint')}</p>
        </fieldset>
      )}
      <OutcomeWeightsEditor activity={activity} ports={ports} onChange={onChange} />
      <fieldset className="mb-3 rounded-8 border border-solid-gray-420 p-2" data-testid="measurement-costs">
        <legend className="px-1 text-dns-16B-130">{t('designer.measurement.costs')}</legend>
        {costs.map((c, i) => {
          const update = (patch: Partial<Cost>) =>
            setCosts(
              costs.map((x, j) => (j === i ? Object.fromEntries(Object.entries({ ...x, ...patch }).filter(([, v]) => v !== undefined && v !== '')) : x)),
            );
          return (
            <div key={i} className="mb-2 border-b border-solid-gray-200 pb-2" data-testid={`cost-${i}`}>
              <div className="grid grid-cols-2 gap-2">
                <SelectField
                  label={t('designer.measurement.costKind')}
                  value={c.kind ?? ''}
                  options={[
                    { value: '', label: t('designer.props.notSet') },
                    ...costKinds.map((k) => ({ value: k, label: t(`designer.measurement.costKinds.${k}`) })),
                  ]}
                  onChange={(v) => update({ kind: v })}
                />
                <NumberField label={t('designer.measurement.costYen')} value={num(c.yen)} min={0} onChange={(v) => update({ yen: v })} />
              </div>
              <SelectField
                label={t('designer.measurement.payer')}
                value={c.payer ?? ''}
                options={payers.map((p) => ({ value: p, label: p ? t(`designer.lanes.${p}`) : t('designer.measurement.payerDefault') }))}
                onChange={(v) => update({ payer: v })}
              />
              <SourceFields figure={`cost-${i}`} entry={c} onChange={(_, patch) => update(patch)} />
              <button type="button" className="btn-secondary" onClick={() => setCosts(costs.filter((_, j) => j !== i))}>
                {t('designer.measurement.removeCost')}
              </button>
            </div>
          );
        })}
        <button type="button" className="btn-secondary" onClick={() => setCosts([...costs, { kind: 'paper' }])} data-testid="add-cost">
          {t('designer.measurement.addCost')}
        </button>
      </fieldset>
    </div>
  );
}
