import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { criteria, saveScheme, type Criterion, type PriorityScheme, type PriorityWeights } from './api';
import { TextInput } from './form/controls';
import { FigureFields } from './form/FigureFields';
import { errorsFrom, parseNumber, type Errors, type FigureForm } from './form/model';
import { failureReason } from './parts';

const weightKey = (c: Criterion) => c.toLowerCase() as keyof PriorityWeights;

const weightsOf = (scheme: PriorityScheme): Record<string, string> =>
  Object.fromEntries(criteria.map((c) => [weightKey(c), String(scheme.weights[weightKey(c)])]));

function minutesOf(scheme: PriorityScheme): FigureForm {
  const m = scheme.minutesPerTrip;
  return { value: m.value === null ? '' : String(m.value), source: m.source ?? '', basis: m.basis ?? '' };
}

/** The chosen scheme's weights and minutes per trip; coordinators change them or save them as a new named scheme. */
export function SchemePanel({ scheme, editable, onSaved }: { scheme: PriorityScheme; editable: boolean; onSaved: (id: string, name: string) => void }) {
  const { t } = useTranslation();
  const [weights, setWeights] = useState(() => weightsOf(scheme));
  const [minutes, setMinutes] = useState(() => minutesOf(scheme));
  const [newId, setNewId] = useState('');
  const [newName, setNewName] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);

  // Another scheme (or the same one reloaded after saving) starts the form afresh; done while rendering, not in an effect.
  const [shown, setShown] = useState(scheme);
  if (scheme !== shown) {
    setShown(scheme);
    setWeights(weightsOf(scheme));
    setMinutes(minutesOf(scheme));
    setErrors({});
    setFailure(null);
  }

  const save = async (asNew: boolean) => {
    const number = (text: string) => parseNumber(text) ?? Number.NaN;
    const body: PriorityScheme = {
      id: asNew ? newId.trim() : scheme.id,
      name: asNew ? newName.trim() : scheme.name,
      description: asNew ? null : scheme.description,
      weights: Object.fromEntries(criteria.map((c) => [weightKey(c), number(weights[weightKey(c)] ?? '')])) as unknown as PriorityWeights,
      minutesPerTrip: { value: parseNumber(minutes.value), source: minutes.source === '' ? null : minutes.source, basis: minutes.basis.trim() || null },
    };
    try {
      const saved = await saveScheme(body, asNew);
      setErrors({});
      setFailure(null);
      onSaved(saved.id, saved.name);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.problem?.errors) {
        setErrors(errorsFrom(error.problem.errors));
        setFailure(error.problem.title ?? null);
      } else {
        setFailure(failureReason(error));
      }
    }
  };

  return (
    <section className="mb-8 max-w-5xl rounded-8 border border-solid-gray-420 bg-white p-4" data-testid="scheme-panel">
      <h2 className="mb-2 text-std-20B-150">{t('inventory.ranking.weightsTitle')}</h2>
      {scheme.description && <p className="mb-3">{scheme.description}</p>}
      {failure && (
        <p role="alert" className="mb-3 border-l-4 border-error-1 bg-red-50 px-4 py-2">
          {failure}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-4">
        {criteria.map((c) => {
          const key = weightKey(c);
          const label = t('inventory.ranking.weight', { criterion: t(`inventory.criterion.${c}`) });
          return editable ? (
            <TextInput
              key={c}
              field={`weights.${key}`}
              label={label}
              errors={errors}
              value={weights[key] ?? ''}
              width="max-w-32"
              onChange={(value) => setWeights((w) => ({ ...w, [key]: value }))}
            />
          ) : (
            <p key={c} data-testid={`weight-${key}`}>
              {label}: <strong>{scheme.weights[key]}</strong>
            </p>
          );
        })}
      </div>
      {editable ? (
        <FigureFields field="minutesPerTrip" label={t('inventory.ranking.minutesPerTrip')} figure={minutes} errors={errors} onChange={setMinutes} />
      ) : (
        <p className="mt-2">
          {t('inventory.ranking.minutesPerTrip')}: {scheme.minutesPerTrip.value ?? '—'}（{scheme.minutesPerTrip.basis}）
        </p>
      )}
      <p className="mt-3 text-dns-16N-130 text-solid-gray-700">{t('inventory.ranking.method')}</p>
      {editable && (
        <div className="mt-4 flex flex-wrap items-end gap-4">
          <button type="button" className="btn-primary" onClick={() => void save(false)} data-testid="scheme-save">
            {t('inventory.ranking.saveScheme')}
          </button>
          <TextInput field="id" label={t('inventory.ranking.newSchemeId')} errors={errors} value={newId} onChange={setNewId} width="max-w-60" maxLength={64} />
          <TextInput
            field="name"
            label={t('inventory.ranking.newSchemeName')}
            errors={errors}
            value={newName}
            onChange={setNewName}
            width="max-w-60"
            maxLength={200}
          />
          <button type="button" className="btn-secondary" onClick={() => void save(true)} data-testid="scheme-save-new">
            {t('inventory.ranking.saveAsNew')}
          </button>
        </div>
      )}
    </section>
  );
}
