/**
 * Where to go after signing in. The server's cookie challenge sends page navigations to
 * `/login?ReturnUrl=…`, and Studio does the same for its own pages. Only local paths are accepted,
 * so a crafted link cannot send a user to another site after sign-in.
 */

/** Paths the server answers itself (not Studio routes): reached by a full page navigation. */
const serverPrefixes = ['/api', '/hangfire', '/scalar', '/openapi', '/health'];

export function readReturnUrl(search: string): string {
  const params = new URLSearchParams(search);
  const raw = params.get('ReturnUrl') ?? params.get('returnUrl');
  return isSafeLocalPath(raw) ? raw : '/';
}

export function isSafeLocalPath(value: string | null | undefined): value is string {
  if (!value || !value.startsWith('/')) return false;
  // "//host" and "/\host" are read by browsers as another origin.
  if (value.startsWith('//') || value.startsWith('/\\')) return false;
  // No control characters (a tab or newline inside a URL can hide a scheme).
  for (const ch of value) if (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f) return false;
  const path = value.split(/[?#]/, 1)[0] ?? '';
  return path !== '/login';
}

export function isServerPath(path: string): boolean {
  return serverPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`));
}

/** The sign-in address that brings the user back to `path` afterwards. */
export function loginUrlFor(path: string): string {
  return path === '/' || !isSafeLocalPath(path) ? '/login' : `/login?ReturnUrl=${encodeURIComponent(path)}`;
}
