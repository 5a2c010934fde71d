/** The HTTP API of Orchestrator.Server. Cookies carry the session. */

export type OrganisationLevel = 'Municipality' | 'Prefecture' | 'National';

export interface Organisation {
  level: OrganisationLevel | string;
  code: string;
  nameJa: string;
  nameEn: string;
}

export interface CurrentUser {
  userName: string;
  displayName: string;
  roles: string[];
  organisation: Organisation | null;
}

export interface FieldProblem {
  path: string;
  message: string;
}

/** RFC 7807 problem details as the server writes them. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldProblem[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails | null;

  constructor(status: number, problem: ProblemDetails | null) {
    super(problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

/** The request never got an HTTP answer (server down, network gone). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'NetworkError';
  }
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return typeof value === 'object' && value !== null && typeof (value as FieldProblem).path === 'string' && typeof (value as FieldProblem).message === 'string';
}

/** Reads a problem-details body; anything else (HTML error page, empty body) gives null. */
export async function readProblem(response: Response): Promise<ProblemDetails | null> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    const body: unknown = await response.json();
    if (typeof body !== 'object' || body === null) return null;
    const raw = body as Record<string, unknown>;
    const problem: ProblemDetails = {};
    if (typeof raw.type === 'string') problem.type = raw.type;
    if (typeof raw.title === 'string') problem.title = raw.title;
    if (typeof raw.status === 'number') problem.status = raw.status;
    if (typeof raw.detail === 'string') problem.detail = raw.detail;
    if (Array.isArray(raw.errors)) problem.errors = raw.errors.filter(isFieldProblem);
    return problem;
  } catch {
    return null;
  }
}

/** Sends a request with the session cookie; throws NetworkError when no HTTP answer came. */
export async function send(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  try {
    return await fetch(path, { ...init, headers, credentials: 'include' });
  } catch (error) {
    throw new NetworkError(error);
  }
}

/** Sends a request and reads a JSON answer; a non-2xx answer throws ApiError with its problem details. */
export async function json<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await send(path, init);
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  return (await response.json()) as T;
}

export interface LoginResponse {
  accessToken: string;
  expiresAt: string;
  user: CurrentUser;
}

export function login(userName: string, password: string): Promise<LoginResponse> {
  return json<LoginResponse>('/api/auth/login', {
    method: 'POST',
    body: JSON.stringify({ userName, password }),
  });
}

export async function logout(): Promise<void> {
  const response = await send('/api/auth/logout', { method: 'POST' });
  // 401 means the session had already ended: the user is signed out either way.
  if (!response.ok && response.status !== 401) throw new ApiError(response.status, await readProblem(response));
}

export function getMe(signal?: AbortSignal): Promise<CurrentUser> {
  return json<CurrentUser>('/api/me', signal ? { signal } : {});
}
