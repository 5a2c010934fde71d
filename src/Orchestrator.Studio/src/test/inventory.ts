import { jsonResponse, user } from './helpers';
import type { Figure, FocusChoice, Procedure, RankedProcedure, Ranking, PriorityScheme } from '../inventory/api';

export const estimate = (value: number, basis = '想定'): Figure => ({ value, source: 'Estimated', basis });
const none: Figure = { value: null, source: null, basis: null };

/** GET /api/inventory/procedures/RYO-01: the passport procedure with two of its flows. */
export function procedure(overrides: Partial<Procedure> = {}): Procedure {
  return {
    code: 'RYO-01',
    nameJa: '一般旅券の発給申請',
    nameEn: 'Passport application',
    field: '旅券',
    legalBasis: '旅券法第 3 条',
    organisations: '本籍地の市町村、旅券事務所',
    volumeNational: { value: 4_000_000, source: 'Published', basis: '外務省の統計 (架空)' },
    volumePerMunicipality: estimate(12_903),
    residentTrips: estimate(3),
    residentDocuments: estimate(4),
    clerkMinutes: estimate(43),
    rekeyedFields: estimate(21),
    reductionRate: estimate(55),
    needsScore: estimate(4),
    feasibilityScore: estimate(4),
    costScore: estimate(3),
    needsText: '来庁が 3 回',
    constraintLegal: null,
    constraintOperational: null,
    constraintTechnical: null,
    excluded: false,
    excludedReason: null,
    processKey: 'ryoken',
    asIsDefinitionId: null,
    updatedAt: '2026-12-01T00:00:00+00:00',
    updatedBy: 'demo',
    dataFlows: [
      {
        number: 1,
        fromLevel: 'Resident',
        fromOrganisation: '申請者',
        toLevel: 'Municipality',
        toOrganisation: '本籍地 市民課',
        means: 'ResidentCarried',
        frequency: '1 件ごと',
        clerkMinutes: estimate(10),
        rekeyedFields: estimate(6),
        documents: estimate(1),
        transitDays: estimate(0),
        items: [
          { name: '氏名', type: 'Text', codeSet: null, personal: true },
          { name: '本籍', type: 'Text', codeSet: null, personal: true },
        ],
      },
      {
        number: 2,
        fromLevel: 'Prefecture',
        fromOrganisation: '旅券事務所',
        toLevel: 'National',
        toOrganisation: '外務省',
        means: 'SystemInterface',
        frequency: '日次',
        clerkMinutes: estimate(5),
        rekeyedFields: none,
        documents: none,
        transitDays: none,
        items: [{ name: '旅券番号', type: 'Code', codeSet: '旅券番号', personal: true }],
      },
    ],
    ...overrides,
  };
}

export const standardScheme: PriorityScheme = {
  id: 'standard',
  name: '標準',
  description: '4 基準を同じ重みで',
  weights: { effect: 1, needs: 1, feasibility: 1, cost: 1 },
  minutesPerTrip: estimate(60, '往復と待ち時間'),
};

function ranked(code: string, nameJa: string, rank: number, score: number, effect: number, feasibility: number, stable: boolean): RankedProcedure {
  return {
    code,
    nameJa,
    nameEn: null,
    field: '旅券',
    processKey: null,
    rank,
    score,
    criteria: {
      Effect: { input: effect, normalized: effect / 1_000_000, contribution: 10 },
      Needs: { input: 4, normalized: 0.75, contribution: 10 },
      Feasibility: { input: feasibility, normalized: (feasibility - 1) / 4, contribution: 10 },
      Cost: { input: 3, normalized: 0.5, contribution: 10 },
    },
    stability: stable
      ? { minRank: rank, maxRank: rank, stable: true, changes: [] }
      : { minRank: 1, maxRank: 2, stable: false, changes: [{ criterion: 'Effect', change: 0.3, rank: rank === 1 ? 2 : 1 }] },
  };
}

/** GET /api/inventory/ranking?scheme=standard: two procedures that swap at +30 % effect, one stable. */
export const ranking: Ranking = {
  scheme: standardScheme,
  ranked: [
    ranked('RYO-01', '一般旅券の発給申請', 1, 72.5, 1_000_000, 4, false),
    ranked('KOS-01', 'おくやみ手続', 2, 70.1, 300_000, 4, false),
    ranked('KYO-03', '奨学金の家計確認', 3, 40, 600, 5, true),
  ],
  unscored: [{ code: 'NEW-1', nameJa: '新しい手続', field: '福祉', excludedReason: null, missing: ['volumeNational'] }],
  excluded: [{ code: 'HIK-01', nameJa: '転出・転入', field: '引越・退職', excludedReason: '別事業で扱ったため対象外', missing: [] }],
  sensitivitySteps: [-0.5, -0.4, -0.3, -0.2, -0.1, 0.1, 0.2, 0.3, 0.4, 0.5],
  basis: { measured: 0, published: 2, estimated: 19, total: 21, mostlyEstimated: true },
};

export const focusChoice: FocusChoice = {
  id: 'c1',
  schemeId: 'standard',
  schemeName: '標準',
  weights: { effect: 1, needs: 1, feasibility: 1, cost: 1 },
  procedures: [{ code: 'KOS-01', nameJa: 'おくやみ手続', field: '戸籍・住民', rank: 2, score: 70.1, stable: false }],
  fields: ['戸籍・住民'],
  reasoning: '市町村内で始められる',
  chosenAt: '2026-12-01T00:00:00+00:00',
  chosenBy: 'demo',
};

/** GET /api/me for a user with these roles and no organisation. */
export const signedInAs = (roles: string[]) => () => jsonResponse(200, user({ userName: 'u', displayName: '利用者', roles, organisation: null }));
