import { useTranslation } from 'react-i18next';
import { NumberField, SelectField, TextField } from './fields';
import { measurementOf, withMeasurement, type Activity, type Measurement } from './model';
import { lanes } from './swimlane';

const counts = ['forms', 'transcribedItems', 'residentVisits', 'residentDocuments', 'residentMinutes'] as const;

/** The measurement tab: what the pilot measures about this step (DOMAIN.md §3). */
export function MeasurementEditor({ activity, errors, onChange }: { activity: Activity; errors: string[]; onChange: (activity: Activity) => void }) {
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
  return (
    <div data-testid="measurement-editor">
      <p className="mb-3 text-dns-14N-130 text-solid-gray-700">{t('designer.measurement.lead')}</p>
      <TextField label={t('designer.measurement.stepCode')} value={typeof m.stepCode === 'string' ? m.stepCode : ''} onChange={(v) => set({ stepCode: v || undefined })} hint={t('designer.measurement.stepCodeHint')} testId="measurement-stepCode" />
      <SelectField
        label={t('designer.measurement.actorOrgLevel')}
        value={typeof m.actorOrgLevel === 'string' ? m.actorOrgLevel : ''}
        options={[{ value: '', label: t('designer.props.notSet') }, ...lanes.map((l) => ({ value: l, label: t(`designer.lanes.${l}`) }))]}
        onChange={(v) => set({ actorOrgLevel: v || undefined })}
        hint={t('designer.measurement.actorOrgLevelHint')}
        testId="measurement-actorOrgLevel"
      />
      <TextField label={t('designer.measurement.actorRole')} value={typeof m.actorRole === 'string' ? m.actorRole : ''} onChange={(v) => set({ actorRole: v || undefined })} placeholder={t('designer.measurement.actorRolePlaceholder')} />
      <fieldset className="mb-3 rounded-8 border border-solid-gray-420 p-2">
        <legend className="px-1 text-dns-16B-130">{t('designer.measurement.effort')}</legend>
        <div className="grid grid-cols-3 gap-2">
          <NumberField label={t('designer.measurement.min')} value={num(effort.min)} min={0} onChange={(v) => setEffort('min', v)} testId="effort-min" />
          <NumberField label={t('designer.measurement.mode')} value={num(effort.mode)} min={0} onChange={(v) => setEffort('mode', v)} testId="effort-mode" />
          <NumberField label={t('designer.measurement.max')} value={num(effort.max)} min={0} onChange={(v) => setEffort('max', v)} testId="effort-max" />
        </div>
        <p className="text-dns-14N-130 text-solid-gray-700">{t('designer.measurement.effortHint')}</p>
      </fieldset>
      {errors.map((message, i) => (
        <p key={i} className="field-error mb-2 text-dns-14N-130" data-testid="field-error">
          {message}
        </p>
      ))}
      <div className="grid grid-cols-2 gap-2">
        {counts.map((key) => (
          <NumberField key={key} label={t(`designer.measurement.${key}`)} value={num(m[key])} min={0} onChange={(v) => set({ [key]: v })} testId={`measurement-${key}`} />
        ))}
      </div>
    </div>
  );
}
