import { isObject, type Activity, type JsonObject } from './model';

/** The measurement an activity carries in customProperties.measurement: the step's code, actor and counted effort. */
export interface Measurement {
  stepCode?: string;
  actorOrgLevel?: string;
  actorRole?: string;
  standardEffortMinutes?: { min?: number; mode?: number; max?: number };
  forms?: number;
  transcribedItems?: number;
  residentVisits?: number;
  residentDocuments?: number;
  residentMinutes?: number;
  [key: string]: unknown;
}

export function measurementOf(activity: JsonObject): Measurement {
  const custom = activity.customProperties;
  if (!isObject(custom) || !isObject(custom.measurement)) return {};
  return custom.measurement as Measurement;
}

/** A copy of the activity with the measurement replaced; an empty measurement is removed. */
export function withMeasurement(activity: Activity, measurement: Measurement): Activity {
  const custom = isObject(activity.customProperties) ? { ...activity.customProperties } : {};
  const cleaned = Object.fromEntries(Object.entries(measurement).filter(([, v]) => v !== undefined && v !== '')) as JsonObject;
  if (Object.keys(cleaned).length === 0) delete custom.measurement;
  else custom.measurement = cleaned;
  return { ...activity, customProperties: custom };
}
