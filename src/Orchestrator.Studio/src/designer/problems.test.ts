import { describe, expect, it } from 'vitest';
import { descriptors, okuyamiDefinition } from '../test/workflows';
import { toCanvas, writeInput, type Activity, type JsonObject } from './model';
import { describeProblem, designerProblems, errorCount, mapServerProblems, problemsByNode } from './problems';

describe('validation problems on the canvas', () => {
  it('puts server problems on the node and input their path points at, in plain Japanese', () => {
    const canvas = toCanvas(okuyamiDefinition(), descriptors);
    const problems = mapServerProblems(
      {
        errors: [
          { path: '$.root.activities[4].condition', message: "Required input 'condition' of Elsa.FlowDecision 'check' is missing." },
          {
            path: '$.root.connections[2].source.port',
            message: "Activity 'juki' (Orchestrator.AgencyCall) has no outcome port 'Maybe'; its ports are: Done, Rejected, Failed, Timeout.",
          },
          {
            path: '$.root.activities',
            message: 'No start activity: add an Elsa.Start, mark an activity canStartWorkflow, or leave one activity without inbound connections.',
          },
        ],
        warnings: [{ path: '$.root.activities[5]', message: "Activity 'end' is unreachable from the start activity 'start' and will never run." }],
      },
      canvas,
      descriptors,
    );
    expect(problems.map((p) => [p.severity, p.nodeId, p.field, p.edgeId])).toEqual([
      ['error', 'check', 'condition', null],
      ['error', 'juki', null, canvas.edges[2]!.id],
      ['error', null, null, null],
      ['warning', 'end', null, null],
    ]);
    expect(problems[0]!.message.ja).toBe(
      "必須の入力「条件」が未入力です。プロパティパネルで入力してください。（Required input 'condition' of Elsa.FlowDecision 'check' is missing.）",
    );
    expect(problems[0]!.message.en).toBe('Required input "条件" is empty: fill it in the property panel.');
    expect(problems[1]!.message.ja).toMatch(/^出口「Maybe」はこのアクティビティにありません/);
    expect(errorCount(problems)).toBe(3);
    expect(
      problemsByNode(problems)
        .get('check')!
        .map((p) => p.field),
    ).toEqual(['condition']);
  });

  it('passes unknown messages through and reads syntax errors', () => {
    expect(describeProblem('Something new.')).toEqual({ ja: 'Something new.', en: 'Something new.' });
    expect(describeProblem('JavaScript syntax error: Unexpected token ) (1:5)').ja).toBe(
      'JavaScript の構文エラーです: Unexpected token ) (1:5)（JavaScript syntax error: Unexpected token ) (1:5)）',
    );
  });

  it('checks standard effort order and form fields itself', () => {
    const canvas = toCanvas(okuyamiDefinition(), descriptors);
    const intake = canvas.nodes[1]!;
    let activity: Activity = {
      ...intake.data.activity,
      customProperties: { measurement: { stepCode: 'X', standardEffortMinutes: { min: 20, mode: 10, max: 30 } } },
    };
    activity = writeInput(activity, 'formFields', 'Object', 'Object', [
      { name: 'a', label: '氏名', type: 'text' },
      { name: 'a', label: '氏名2', type: 'text' },
      { name: '', label: '区分', type: 'choice', options: [] },
    ]);
    const nodes = canvas.nodes.map((n, i) => (i === 1 ? { ...n, data: { ...n.data, activity } } : n));
    const problems = designerProblems({ nodes, edges: canvas.edges });
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.nodeId, p.field, p.path])).toEqual([
      ['intake', 'measurement', '$.root.activities[1].customProperties.measurement.standardEffortMinutes'],
      ['intake', 'formFields', '$.root.activities[1].formFields[1].name'],
      ['intake', 'formFields', '$.root.activities[1].formFields[2].name'],
      ['intake', 'formFields', '$.root.activities[1].formFields[2].options'],
    ]);
    expect(problems.find((p) => p.severity === 'error')!.message.ja).toContain('最短 ≦ 最頻 ≦ 最長');
    expect(designerProblems(toCanvas(okuyamiDefinition(), descriptors))).toEqual([]);
    const negative = { ...intake.data.activity, customProperties: { measurement: { standardEffortMinutes: { min: -1, mode: 2, max: 3 } } } as JsonObject };
    expect(
      designerProblems({ nodes: [{ ...intake, data: { ...intake.data, activity: negative } }], edges: [] }).find((p) => p.severity === 'error')!.message.en,
    ).toMatch(/negative/);
  });

  it('warns when a clerk task has no measurement and when a figure or a cost has no source', () => {
    const canvas = toCanvas(okuyamiDefinition(), descriptors);
    const intake = canvas.nodes[1]!;
    const check = (measurement: JsonObject | undefined) => {
      const activity = { ...intake.data.activity, customProperties: measurement ? { measurement } : {} } as Activity;
      return designerProblems({ nodes: [{ ...intake, data: { ...intake.data, activity } }], edges: [] });
    };
    const bare = check(undefined);
    expect(bare.map((p) => [p.severity, p.path])).toEqual([['warning', '$.root.activities[0].customProperties.measurement']]);
    expect(bare[0]!.message.ja).toContain('職員のタスクに計測がありません');

    const unsourced = check({
      stepCode: 'A',
      forms: 2,
      residentVisits: 0,
      standardEffortMinutes: { min: 1, mode: 2, max: 3 },
      provenance: { standardEffortMinutes: { source: 'measured', basis: 'タイムスタディ' }, forms: { basis: '根拠だけで出所がない' } },
      costs: [
        { kind: 'postage', yen: 84, source: 'published' },
        { kind: 'paper', yen: 10 },
      ],
    });
    // The effort has a source; forms has only a basis; a zero figure needs none; the second cost has none.
    expect(unsourced.map((p) => [p.severity, p.path])).toEqual([
      ['warning', '$.root.activities[0].customProperties.measurement.provenance.forms'],
      ['warning', '$.root.activities[0].customProperties.measurement.costs[1].source'],
    ]);
    expect(unsourced[0]!.message.ja).toBe('「帳票枚数」の出所（実測・公表・推計）がありません。計測 タブで出所と根拠を入力してください。');
    expect(errorCount(unsourced)).toBe(0);
  });
});
