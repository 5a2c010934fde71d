import type { TaskDetail, TaskList, TaskSummary } from '../tasks/api';

/** A task as GET /api/tasks lists it (defaults: an open as-is task of Taito City's 市民課). */
export function taskSummary(overrides: Partial<TaskSummary> = {}): TaskSummary {
  return {
    id: 't1',
    title: '転入届の審査',
    status: 'Open',
    processKey: 'moving-in',
    processName: '転入手続',
    arm: 'AsIs',
    activityId: 'review',
    instanceId: 'i1',
    caseId: 'c1',
    assigneeOrgLevel: 'Municipality',
    assigneeOrgCode: '131016',
    assigneeOrgNameJa: '台東区',
    assigneeOrgNameEn: 'Taito City',
    assigneeRole: '市民課',
    createdAt: '2026-11-20T01:00:00Z',
    claimedAt: null,
    claimedBy: null,
    claimedByMe: false,
    dueAt: '2026-11-27T08:00:00Z',
    overdue: false,
    completedAt: null,
    ...overrides,
  };
}

export function taskList(items: TaskSummary[], counts: Partial<TaskList['counts']> = {}): TaskList {
  return { counts: { open: 0, claimed: 0, overdue: 0, completed: 0, ...counts }, items };
}

/** A task as GET /api/tasks/{id} gives it: claimed by the caller, with one field of every type. */
export function taskDetail(overrides: Partial<TaskDetail> = {}): TaskDetail {
  return {
    ...taskSummary({ status: 'Claimed', claimedByMe: true, claimedBy: '台東 花子', claimedAt: '2026-11-20T02:00:00Z' }),
    instructions: '届出の内容を確認してください。\n不備があれば差し戻してください。',
    formFields: [
      { name: 'residentNumber', label: '住民票コード', type: 'text', required: true, pattern: '[0-9]{11}' },
      { name: 'householdSize', label: '世帯人数', type: 'number', required: true, min: 1, max: 20 },
      { name: 'movedOn', label: '異動日', type: 'date', required: false },
      { name: 'reason', label: '異動理由', type: 'choice', required: true, options: ['転勤', '結婚', 'その他'] },
      { name: 'documentsChecked', label: '本人確認書類を確認した', type: 'checkbox', required: false },
    ],
    outcomes: ['承認', '差戻し', 'Expired'],
    caseData: { 申請者番号: 'A-0042', 届出日: '2026-11-19' },
    measurement: {
      stepCode: 'R-01',
      forms: 2,
      transcribedItems: 14,
      residentVisits: 1,
      residentDocuments: 3,
      standardEffortMinutes: { min: 5, mode: 10, max: 20 },
    },
    activeSeconds: 0,
    effortMinutes: null,
    outcome: null,
    data: null,
    completedBy: null,
    ...overrides,
  };
}
