/**
 * Validation problems on the canvas. The server's validator (POST /api/workflow-definitions/validate) is the
 * authority; its paths point into the JSON the designer sent, whose activities and connections are in canvas order,
 * so `$.root.activities[3].condition` is the fourth node's `condition` input. Its messages are English; the known
 * ones are put into plain Japanese that says what to do, with the original kept in brackets. The designer adds a few
 * checks of its own for things the engine does not look at (standard effort order, form fields).
 */
import type { FieldProblem } from '../api';
import { measurementOf } from './measurement';
import { isObject, readInput, type ActivityDescriptor, type CanvasState, type Json } from './model';

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  path: string;
  message: { ja: string; en: string };
  /** The node it is about (also for a connection: its source node); null for the whole workflow. */
  nodeId: string | null;
  /** The input (or `measurement`, `name`…) inside the node it is about. */
  field: string | null;
  edgeId: string | null;
}

export interface ServerValidation {
  errors: FieldProblem[];
  warnings: FieldProblem[];
}

type Translate = (groups: string[], labelOf: (activityId: string, input: string) => string) => { ja: string; en?: string };

const patterns: [RegExp, Translate][] = [
  [/^The activity has no id\.$/, () => ({ ja: 'アクティビティに ID がありません。' })],
  [
    /^Duplicate activity id '(.+)' \(first used at .+\)\.$/,
    ([id]) => ({ ja: `アクティビティ ID「${id}」が重複しています。どちらかを削除するか、コピーし直してください。` }),
  ],
  [
    /^No start activity/,
    () => ({
      ja: '開始アクティビティがありません。パレットから「開始」を置いて、最初のステップにつないでください。',
      en: 'No start activity: drag "Start" from the palette and connect it to the first step.',
    }),
  ],
  [/^The connection starts at a missing activity '(.+)'\.$/, ([id]) => ({ ja: `接続元のアクティビティ「${id}」がありません。この接続を削除してください。` })],
  [/^The connection ends at a missing activity '(.+)'\.$/, ([id]) => ({ ja: `接続先のアクティビティ「${id}」がありません。この接続を削除してください。` })],
  [
    /^Activity '(.+)' \((.+)\) has no outcome port '(.+)'; its ports are: (.*)\.$/,
    ([, , port, ports]) => ({
      ja: `出口「${port}」はこのアクティビティにありません（出口: ${ports}）。接続を別の出口からつなぎ直してください。`,
    }),
  ],
  [
    /^Unknown activity type '(.+)'\.$/,
    ([type]) => ({ ja: `アクティビティの種類「${type}」はこのサーバーでは実行できません。削除するか、対応する種類に置き換えてください。` }),
  ],
  [
    /^Required input '(.+)' of \S+ '(.+)' is missing\.$/,
    ([input, id], labelOf) => ({
      ja: `必須の入力「${labelOf(id!, input!)}」が未入力です。プロパティパネルで入力してください。`,
      en: `Required input "${labelOf(id!, input!)}" is empty: fill it in the property panel.`,
    }),
  ],
  [/^JavaScript syntax error: (.*)$/s, ([detail]) => ({ ja: `JavaScript の構文エラーです: ${detail}` })],
  [/^Liquid syntax error: (.*)$/s, ([detail]) => ({ ja: `Liquid の構文エラーです: ${detail}` })],
  [/^Unsupported expression type '(.+)'/, ([type]) => ({ ja: `式の種類「${type}」は使えません。リテラル・JavaScript・Liquid から選んでください。` })],
  [/^Invalid cron expression '(.+)'/, ([text]) => ({ ja: `Cron 式「${text}」が正しくありません。` })],
  [
    /^Activity '(.+)' is unreachable from the start activity '(.+)' and will never run\.$/,
    () => ({
      ja: '開始からつながっていないため、このアクティビティは実行されません。前のステップの出口からつないでください。',
      en: 'Not reachable from the start, so it never runs: connect it from an earlier step.',
    }),
  ],
];

/** A server message in plain Japanese (original in brackets) and English; unknown messages pass through. */
export function describeProblem(message: string, labelOf: (activityId: string, input: string) => string = (_, input) => input): { ja: string; en: string } {
  for (const [pattern, translate] of patterns) {
    const match = pattern.exec(message);
    if (!match) continue;
    const text = translate(match.slice(1), labelOf);
    return { ja: `${text.ja}（${message}）`, en: text.en ?? message };
  }
  return { ja: message, en: message };
}

const activityPath = /^\$\.root\.activities\[(\d+)\](?:\.([A-Za-z0-9_$]+))?(?:\.([A-Za-z0-9_$]+))?/;
const connectionPath = /^\$\.root\.connections\[(\d+)\]/;

/** Puts the server's problems on the nodes and edges of the canvas the validated JSON came from. */
export function mapServerProblems(result: ServerValidation, canvas: CanvasState, descriptors: readonly ActivityDescriptor[]): Problem[] {
  const byType = new Map(descriptors.map((d) => [d.type, d]));
  const labelOf = (activityId: string, input: string) => {
    const node = canvas.nodes.find((n) => n.id === activityId);
    const descriptor = node ? byType.get(node.data.activity.type) : undefined;
    return descriptor?.inputs.find((i) => i.name === input)?.displayName.ja ?? input;
  };
  const one =
    (severity: Severity) =>
    (p: FieldProblem): Problem => {
      const problem: Problem = { severity, path: p.path, message: describeProblem(p.message, labelOf), nodeId: null, field: null, edgeId: null };
      const activity = activityPath.exec(p.path);
      if (activity) {
        const node = canvas.nodes[Number(activity[1])];
        problem.nodeId = node?.id ?? null;
        problem.field = activity[2] === 'customProperties' ? (activity[3] ?? null) : (activity[2] ?? null);
        return problem;
      }
      const connection = connectionPath.exec(p.path);
      if (connection) {
        const edge = canvas.edges[Number(connection[1])];
        problem.edgeId = edge?.id ?? null;
        problem.nodeId = edge && canvas.nodes.some((n) => n.id === edge.source) ? edge.source : null;
      }
      return problem;
    };
  return [...result.errors.map(one('error')), ...result.warnings.map(one('warning'))];
}

function asNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The figures of a step that need a source when they are not zero, with their names for the messages. */
const sourcedFigures: readonly [string, string, string][] = [
  ['standardEffortMinutes', '標準作業時間', 'standard effort'],
  ['forms', '帳票枚数', 'forms'],
  ['transcribedItems', '転記項目数', 'transcribed items'],
  ['residentVisits', '住民の来庁回数', 'resident visits'],
  ['residentDocuments', '住民の提出書類数', 'resident documents'],
  ['residentMinutes', '住民の所要時間', 'resident minutes'],
];

const humanTaskTypes = ['Orchestrator.HumanTask', 'Elsa.RunTask'];

/**
 * The designer's own checks: standard effort in order, form fields named once each, choices with options; and, as
 * warnings, a clerk's task without measurement and a figure (or declared cost) without a source — a report would
 * count such a figure as an estimate.
 */
export function designerProblems(canvas: CanvasState): Problem[] {
  const problems: Problem[] = [];
  canvas.nodes.forEach((node, index) => {
    const base = `$.root.activities[${index}]`;
    const add = (field: string, path: string, ja: string, en: string, severity: Severity = 'error') =>
      problems.push({ severity, path: `${base}.${path}`, message: { ja, en }, nodeId: node.id, field, edgeId: null });
    const measurement = measurementOf(node.data.activity);
    if (humanTaskTypes.includes(node.data.activity.type) && !measurement.stepCode)
      add(
        'measurement',
        'customProperties.measurement',
        '職員のタスクに計測がありません。計測 タブでステップコード・実施主体・標準作業時間を入力してください。',
        'This clerk task has no measurement: give its step code, actor and standard effort in the measurement tab.',
        'warning',
      );
    const provenance = isObject(measurement.provenance as Json) ? (measurement.provenance as Record<string, Json>) : {};
    for (const [figure, ja, en] of sourcedFigures) {
      const value = measurement[figure];
      const nonZero = isObject(value as Json)
        ? Object.values(value as Record<string, unknown>).some((v) => typeof v === 'number' && v !== 0)
        : typeof value === 'number' && value !== 0;
      const entry = provenance[figure];
      if (nonZero && !(isObject(entry as Json) && typeof (entry as Record<string, unknown>).source === 'string'))
        add(
          'measurement',
          `customProperties.measurement.provenance.${figure}`,
          `「${ja}」の出所（実測・公表・推計）がありません。計測 タブで出所と根拠を入力してください。`,
          `The ${en} has no source (measured, published, estimate): give its source and basis in the measurement tab.`,
          'warning',
        );
    }
    if (Array.isArray(measurement.costs))
      (measurement.costs as Json[]).forEach((cost, i) => {
        if (isObject(cost) && typeof cost.source !== 'string')
          add(
            'measurement',
            `customProperties.measurement.costs[${i}].source`,
            `経費 ${i + 1} の出所（実測・公表・推計）がありません。`,
            `Cost ${i + 1} has no source.`,
            'warning',
          );
      });
    const effort = measurement.standardEffortMinutes;
    if (isObject(effort as Json)) {
      const [min, mode, max] = [asNumber(effort?.min), asNumber(effort?.mode), asNumber(effort?.max)];
      if ([min, mode, max].some((v) => v !== null && v < 0))
        add(
          'measurement',
          'customProperties.measurement.standardEffortMinutes',
          '標準作業時間に負の値があります。0 分以上にしてください。',
          'Standard effort has a negative value: use 0 minutes or more.',
        );
      else if (min !== null && mode !== null && max !== null && !(min <= mode && mode <= max))
        add(
          'measurement',
          'customProperties.measurement.standardEffortMinutes',
          '標準作業時間は 最短 ≦ 最頻 ≦ 最長 になるように入力してください。',
          'Standard effort must be min ≤ mode ≤ max.',
        );
    }
    if (node.data.activity.type === 'Orchestrator.HumanTask') {
      const fields = readInput(node.data.activity, 'formFields');
      if (fields && fields.expressionType === 'Object' && Array.isArray(fields.value)) {
        const seen = new Set<string>();
        fields.value.forEach((field, i) => {
          const name = isObject(field) && typeof field.name === 'string' ? field.name.trim() : '';
          const label = isObject(field) && typeof field.label === 'string' && field.label ? field.label : `${i + 1}`;
          if (!name)
            add('formFields', `formFields[${i}].name`, `入力項目「${label}」に項目名（英数字）を入力してください。`, `Form field "${label}" needs a name.`);
          else if (seen.has(name))
            add('formFields', `formFields[${i}].name`, `入力項目の項目名「${name}」が重複しています。`, `Form field name "${name}" is used twice.`);
          seen.add(name);
          if (isObject(field) && field.type === 'choice' && (!Array.isArray(field.options) || field.options.length === 0))
            add('formFields', `formFields[${i}].options`, `選択肢の入力項目「${label}」に選択肢を入力してください。`, `Choice field "${label}" needs options.`);
        });
      }
    }
  });
  return problems;
}

/** Problems per node id, errors first. */
export function problemsByNode(problems: readonly Problem[]): Map<string, Problem[]> {
  const map = new Map<string, Problem[]>();
  for (const p of [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))) {
    if (!p.nodeId) continue;
    map.set(p.nodeId, [...(map.get(p.nodeId) ?? []), p]);
  }
  return map;
}

export function errorCount(problems: readonly Problem[]): number {
  return problems.filter((p) => p.severity === 'error').length;
}
