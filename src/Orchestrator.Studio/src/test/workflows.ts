import type { ActivityDescriptor, JsonObject } from '../designer/model';
import type { DefinitionSummary } from '../designer/api';

const text = (ja: string, en: string) => ({ ja, en });
const input = (name: string, typeName: string, uiHint: string, ja: string, extra: Partial<ActivityDescriptor['inputs'][number]> = {}) => ({
  name,
  typeName,
  uiHint,
  displayName: text(ja, name),
  defaultValue: null,
  required: false,
  options: null,
  ...extra,
});
const orgLevels = ['Municipality', 'Prefecture', 'National', 'Resident', 'System'];

/** A part of GET /api/descriptors/activities, in the server's shape. */
export const descriptors: ActivityDescriptor[] = [
  { type: 'Elsa.Start', category: 'Flow', displayName: text('開始', 'Start'), description: text('開始点。', 'Entry.'), inputs: [], outputs: [], outcomes: ['Done'], dynamicOutcomesInput: null, isContainer: false, isBlocking: false, isTrigger: false },
  { type: 'Elsa.End', category: 'Flow', displayName: text('終了', 'End'), description: text('終了。', 'End.'), inputs: [], outputs: [], outcomes: [], dynamicOutcomesInput: null, isContainer: false, isBlocking: false, isTrigger: false },
  {
    type: 'Elsa.WriteLine', category: 'Primitives', displayName: text('出力', 'Write Line'), description: text('1 行出力。', 'Writes a line.'),
    inputs: [input('text', 'String', 'singleline', 'テキスト')], outputs: [], outcomes: ['Done'], dynamicOutcomesInput: null,
  },
  {
    type: 'Elsa.FlowDecision', category: 'Branching', displayName: text('判断', 'Decision'), description: text('分岐。', 'Branches.'),
    inputs: [input('condition', 'Boolean', 'singleline', '条件', { required: true })], outputs: [], outcomes: ['True', 'False'], dynamicOutcomesInput: null,
  },
  {
    type: 'Elsa.FlowFork', category: 'Branching', displayName: text('並列分岐', 'Fork'), description: text('並列。', 'Parallel.'),
    inputs: [input('branches', 'String[]', 'dynamic-outcomes', 'ブランチ')], outputs: [], outcomes: [], dynamicOutcomesInput: 'branches',
  },
  {
    type: 'Elsa.FlowJoin', category: 'Branching', displayName: text('合流', 'Join'), description: text('合流。', 'Join.'),
    inputs: [input('mode', 'FlowJoinMode', 'dropdown', '待ち合わせ方法', { defaultValue: 'WaitAny', options: ['WaitAny', 'WaitAll', 'WaitAllActive'] })],
    outputs: [], outcomes: ['Done'], dynamicOutcomesInput: null,
  },
  {
    type: 'Elsa.PublishEvent', category: 'Events', displayName: text('イベント発行', 'Publish Event'), description: text('発行。', 'Publishes.'),
    inputs: [input('eventName', 'String', 'singleline', 'イベント名', { required: true }), input('payload', 'Object', 'json-editor', 'ペイロード'), input('isLocal', 'Boolean', 'checkbox', 'インスタンス内のみ', { defaultValue: false })],
    outputs: [], outcomes: ['Done'], dynamicOutcomesInput: null,
  },
  {
    type: 'Elsa.Delay', category: 'Scheduling', displayName: text('待機', 'Delay'), description: text('待つ。', 'Waits.'),
    inputs: [input('timeSpan', 'TimeSpan', 'singleline', '待機時間', { required: true })], outputs: [], outcomes: ['Done'], dynamicOutcomesInput: null, isBlocking: true,
  },
  {
    type: 'Orchestrator.HumanTask', category: 'Orchestrator', displayName: text('人手タスク', 'Human Task'), description: text('職員のタスク。', 'A clerk task.'),
    inputs: [
      input('title', 'String', 'singleline', '件名', { required: true }),
      input('instructions', 'String', 'multiline', '指示'),
      input('assigneeOrgLevel', 'String', 'dropdown', '担当組織レベル', { options: orgLevels }),
      input('formFields', 'Object', 'json-editor', '入力項目'),
      input('outcomes', 'Object', 'dynamic-outcomes', '結果', { defaultValue: ['Done'] }),
      input('dueIn', 'TimeSpan', 'singleline', '期限'),
    ],
    outputs: [{ name: 'result', typeName: 'Object' }, { name: 'outcome', typeName: 'String' }],
    outcomes: [], dynamicOutcomesInput: 'outcomes', isBlocking: true,
  },
  {
    type: 'Orchestrator.AgencyCall', category: 'Orchestrator', displayName: text('機関連携呼出し', 'Agency Call'), description: text('機関呼出し。', 'Calls an agency.'),
    inputs: [input('agency', 'String', 'singleline', '機関', { required: true }), input('timeout', 'TimeSpan', 'singleline', 'タイムアウト')],
    outputs: [{ name: 'response', typeName: 'Object' }], outcomes: ['Done', 'Rejected', 'Failed', 'Timeout'], dynamicOutcomesInput: null, isBlocking: true,
  },
];

const position = (x: number, y: number) => ({ designer: { position: { x, y }, size: { width: 160, height: 50 } } });
const literal = (typeName: string, value: unknown) => ({ typeName, expression: { type: 'Literal', value } });

/** A shipped-style process: おくやみ (as-is), with measurement, variables, an output binding and unknown members. */
export function okuyamiDefinition(): JsonObject {
  return JSON.parse(
    JSON.stringify({
      $schema: 'https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json',
      id: 'okuyami-asis-v3',
      definitionId: 'okuyami-asis',
      name: 'おくやみ手続 (現行)',
      description: '死亡に伴う手続',
      version: 3,
      toolVersion: '3.3.0.0',
      variables: [{ id: 'v-form', name: 'form', typeName: 'Object', isArray: false, value: null, storageDriverTypeName: 'Elsa.Workflows.Services.WorkflowStorageDriver, Elsa.Workflows.Core' }],
      inputs: [],
      outputs: [],
      outcomes: [],
      customProperties: { orchestrator: { processKey: 'okuyami', arm: 'AsIs', title: { ja: 'おくやみ手続', en: 'Bereavement procedures' } } },
      isReadonly: false,
      isLatest: true,
      isPublished: false,
      options: { autoUpdateConsumingWorkflows: false },
      someFutureMember: { keep: [1, 2, 3] },
      root: {
        type: 'Elsa.Flowchart',
        id: 'flowchart1',
        nodeId: 'Workflow1:flowchart1',
        name: 'Flowchart1',
        version: 1,
        customProperties: {},
        metadata: {},
        activities: [
          { id: 'start', nodeId: 'Workflow1:flowchart1:start', name: 'start', type: 'Elsa.Start', version: 1, customProperties: {}, metadata: position(0, 0) },
          {
            id: 'intake',
            nodeId: 'Workflow1:flowchart1:intake',
            name: '死亡届受付',
            type: 'Orchestrator.HumanTask',
            version: 1,
            customProperties: {
              measurement: {
                stepCode: 'OKU-010', actorOrgLevel: 'Municipality', actorRole: '市民課', standardEffortMinutes: { min: 10, mode: 15, max: 25 }, forms: 1, residentVisits: 1, residentDocuments: 1,
                provenance: {
                  standardEffortMinutes: { source: 'estimate', basis: '受付の標準時間' },
                  forms: { source: 'estimate', basis: '死亡届 1 枚' },
                  residentVisits: { source: 'estimate', basis: '来庁 1 回' },
                  residentDocuments: { source: 'published', basis: '公表: 届出に必要な書類' },
                },
              },
              reviewNote: 'unknown custom property',
            },
            metadata: position(240, 120),
            title: literal('String', '死亡届受付'),
            assigneeOrgLevel: literal('String', 'Municipality'),
            outcomes: { typeName: 'Object', expression: { type: 'Object', value: ['受理', '不受理'] } },
            formFields: { typeName: 'Object', expression: { type: 'Object', value: [{ name: 'deceasedName', label: '故人氏名', type: 'text', required: true }] } },
            result: { typeName: 'Object', memoryReference: { id: 'v-form' } },
            canStartWorkflow: false,
          },
          {
            id: 'juki',
            nodeId: 'Workflow1:flowchart1:juki',
            name: '住基記載',
            type: 'Orchestrator.AgencyCall',
            version: 1,
            customProperties: { measurement: { stepCode: 'OKU-020', actorOrgLevel: 'System' } },
            metadata: position(480, 240),
            agency: literal('String', 'juki-net'),
            payload: { typeName: 'Object', expression: { type: 'JavaScript', value: "getVariable('form')" } },
          },
          { id: 'legacy', name: '旧システム連携', type: 'Acme.LegacyBridge', version: 2, metadata: position(720, 0), endpoint: 'http://legacy.example', retries: 3 },
          {
            id: 'check',
            nodeId: 'Workflow1:flowchart1:check',
            name: '確認',
            type: 'Elsa.FlowDecision',
            version: 1,
            customProperties: {},
            metadata: position(960, 0),
            condition: { typeName: 'Boolean', expression: { type: 'JavaScript', value: 'true' } },
          },
          { id: 'end', nodeId: 'Workflow1:flowchart1:end', name: 'end', type: 'Elsa.End', version: 1, customProperties: {}, metadata: position(1200, 0) },
        ],
        connections: [
          { source: { activity: 'start', port: 'Done' }, target: { activity: 'intake', port: 'In' }, vertices: [] },
          { source: { activity: 'intake', port: '受理' }, target: { activity: 'juki', port: 'In' }, vertices: [{ x: 400, y: 200 }] },
          { source: { activity: 'juki', port: 'Done' }, target: { activity: 'legacy', port: 'In' }, vertices: [] },
          { source: { activity: 'legacy', port: 'Bridged' }, target: { activity: 'check', port: 'In' }, vertices: [] },
          { source: { activity: 'check', port: 'True' }, target: { activity: 'end', port: 'In' }, vertices: [] },
          { source: { activity: 'intake', port: '不受理' }, target: { activity: 'end', port: 'In' }, vertices: [] },
        ],
        variables: [],
      },
    }),
  ) as JsonObject;
}

export function definitionSummary(overrides: Partial<DefinitionSummary> = {}): DefinitionSummary {
  return {
    id: 'okuyami-asis-v3',
    definitionId: 'okuyami-asis',
    version: 3,
    name: 'おくやみ手続 (現行)',
    description: '死亡に伴う手続',
    processKey: 'okuyami',
    arm: 'AsIs',
    isLatest: true,
    isPublished: false,
    createdAt: '2026-11-20T01:00:00Z',
    publishedAt: null,
    createdBy: 'coordinator',
    ...overrides,
  };
}
