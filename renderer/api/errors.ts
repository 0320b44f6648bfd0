/**
 * Turns whatever a call threw into something the UI can show. Errors cross the IPC bridge as plain
 * objects in the desktop app, so this reads the wire shape ({ code, message, issues }) instead of relying
 * on `instanceof ApiError`.
 */

export interface FieldIssue {
  path: string;
  message: string;
}

export interface Problem {
  code?: string;
  message: string;
  issues: FieldIssue[];
}

export function toProblem(err: unknown): Problem {
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; message?: unknown; issues?: unknown };
    const issues = Array.isArray(e.issues)
      ? e.issues.filter(
          (i): i is FieldIssue => !!i && typeof i.path === 'string' && typeof i.message === 'string',
        )
      : [];
    const message = typeof e.message === 'string' && e.message !== '' ? e.message : String(err);
    return { code: typeof e.code === 'string' ? e.code : undefined, message: humanize(message), issues };
  }
  return { message: String(err), issues: [] };
}

/** fetch's network failures say "Failed to fetch"; say what it means here instead. */
function humanize(message: string): string {
  if (/failed to fetch|networkerror|load failed/i.test(message)) {
    return 'Cannot reach the Hookscope host. Is it still running?';
  }
  return message;
}

export const isUnauthorized = (err: unknown): boolean => toProblem(err).code === 'unauthorized';

/** Field issues keyed by path; the first message per field wins. */
export function issuesByPath(issues: FieldIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[issue.path] ??= issue.message;
  return out;
}
