import { useTranslation } from 'react-i18next';
import { NumberField } from './fields';
import { isObject, type Activity, type Json, type JsonObject } from './model';
import { SourceFields } from './SourceFields';

type Entry = { source?: string; basis?: string };

/** `customProperties.simulation` of an activity: how often a simulated case leaves by each outcome, with its source. */
function simulationOf(activity: Activity): JsonObject {
  const custom = activity.customProperties;
  return isObject(custom) && isObject(custom.simulation) ? (custom.simulation as JsonObject) : {};
}

function withSimulation(activity: Activity, simulation: JsonObject): Activity {
  const custom = isObject(activity.customProperties) ? { ...activity.customProperties } : {};
  if (Object.keys(simulation).length === 0) delete custom.simulation;
  else custom.simulation = simulation;
  return { ...activity, customProperties: custom };
}

/**
 * The outcome weights a simulated cycle draws a step's outcome from (e.g. 差戻し 5 %), and where that share comes from.
 * A reviewer reads the rework rate's source here, beside the step's other figures.
 */
export function OutcomeWeightsEditor({ activity, ports, onChange }: { activity: Activity; ports: readonly string[]; onChange: (activity: Activity) => void }) {
  const { t } = useTranslation();
  if (ports.length < 2) return null;
  const simulation = simulationOf(activity);
  const weights: JsonObject = isObject(simulation.outcomeWeights as Json) ? (simulation.outcomeWeights as JsonObject) : {};
  const provenance: JsonObject = isObject(simulation.provenance as Json) ? (simulation.provenance as JsonObject) : {};
  const entry = (isObject(provenance.outcomeWeights as Json) ? provenance.outcomeWeights : undefined) as Entry | undefined;

  const save = (nextWeights: JsonObject, nextEntry: Entry | undefined) => {
    const next: JsonObject = { ...simulation };
    if (Object.keys(nextWeights).length) next.outcomeWeights = nextWeights;
    else delete next.outcomeWeights;
    const nextProvenance: JsonObject = { ...provenance };
    if (nextEntry && Object.keys(nextEntry).length) nextProvenance.outcomeWeights = nextEntry as JsonObject;
    else delete nextProvenance.outcomeWeights;
    if (Object.keys(nextProvenance).length) next.provenance = nextProvenance;
    else delete next.provenance;
    onChange(withSimulation(activity, next));
  };
  const setWeight = (port: string, value: number | undefined) => {
    const next = { ...weights };
    if (value === undefined) delete next[port];
    else next[port] = value;
    save(next, entry);
  };
  const setSource = (_: string, patch: Entry) => {
    const next: Entry = { ...entry, ...patch };
    if (!next.source) delete next.source;
    if (!next.basis) delete next.basis;
    save(weights, next);
  };

  return (
    <fieldset className="mb-3 rounded-8 border border-solid-gray-420 p-2" data-testid="measurement-outcomeWeights">
      <legend className="px-1 text-dns-16B-130">{t('designer.measurement.outcomeWeights')}</legend>
      <div className="grid grid-cols-2 gap-2">
        {ports.map((port) => (
          <NumberField
            key={port}
            label={port}
            value={typeof weights[port] === 'number' ? (weights[port] as number) : undefined}
            min={0}
            onChange={(v) => setWeight(port, v)}
            testId={`weight-${port}`}
          />
        ))}
      </div>
      <p className="text-dns-14N-130 text-solid-gray-700">{t('designer.measurement.outcomeWeightsHint')}</p>
      <SourceFields figure="outcomeWeights" entry={entry} onChange={setSource} />
    </fieldset>
  );
}
