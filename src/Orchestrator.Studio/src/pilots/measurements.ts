/** The measurement imports (実測データ取込) of the HTTP API: templates, dry run, import, list, withdraw. */
import { ApiError, NetworkError, json, readProblem } from '../api';

export type ImportKind = 'timeStudy' | 'questionnaire';
export const importKinds: readonly ImportKind[] = ['timeStudy', 'questionnaire'];

/** A problem of an imported file, where a spreadsheet program shows it. */
export interface ImportProblem {
  sheet: string;
  row: number | null;
  column: string | null;
  columnLetter?: string | null;
  message: string;
  path: string;
}

export interface ImportResult {
  kind: ImportKind;
  fileName: string;
  fileHash: string;
  dryRun: boolean;
  valid: boolean;
  alreadyImported: boolean;
  rows: number;
  newRows: number;
  skippedRows: number;
  matchedCases: number;
  createdCases: number;
  problems: ImportProblem[];
  importId: string | null;
}

export interface ImportView {
  id: string;
  kind: ImportKind;
  fileName: string;
  fileHash: string;
  rows: number;
  skippedRows: number;
  importedAt: string;
  importedBy: string | null;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
}

export const templateUrl = (kind: ImportKind, format: 'xlsx' | 'csv') => `/api/measurements/templates/${kind}.${format}`;

export const listImports = (cycleId: string, signal?: AbortSignal) =>
  json<ImportView[]>(`/api/measurements/cycles/${encodeURIComponent(cycleId)}/imports`, signal ? { signal } : {});

/**
 * Sends the file as the request body. A dry run answers with every problem; a real import of a file with problems is
 * refused (400) and its problems come back the same way, so the dialog shows both alike.
 */
export async function importFile(cycleId: string, kind: ImportKind, file: File, dryRun: boolean): Promise<ImportResult> {
  const query = new URLSearchParams({ fileName: file.name, ...(dryRun ? { dryRun: 'true' } : {}) });
  let response: Response;
  try {
    response = await fetch(`/api/measurements/cycles/${encodeURIComponent(cycleId)}/${kind}?${query}`, {
      method: 'POST',
      body: file,
      credentials: 'include',
      headers: { Accept: 'application/json', 'Content-Type': file.type || 'application/octet-stream' },
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  if (response.ok) return (await response.json()) as ImportResult;
  const problem = await readProblem(response);
  if (response.status === 400 && problem?.errors?.length)
    return {
      kind,
      fileName: file.name,
      fileHash: '',
      dryRun,
      valid: false,
      alreadyImported: false,
      rows: 0,
      newRows: 0,
      skippedRows: 0,
      matchedCases: 0,
      createdCases: 0,
      problems: problem.errors as unknown as ImportProblem[],
      importId: null,
    };
  throw new ApiError(response.status, problem);
}

export const withdrawImport = (id: string) => json<ImportView>(`/api/measurements/imports/${encodeURIComponent(id)}/withdraw`, { method: 'POST' });
