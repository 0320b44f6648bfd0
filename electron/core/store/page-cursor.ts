/**
 * Page cursors: the time and id of the last record on a page. Opaque to callers (base64url), and stable
 * across restarts, unlike positions or insertion counters, so a client can keep paging after a restart.
 */
import { InvalidCursorError } from './store-errors.js';

export interface CursorPosition {
  at: number;
  id: string;
}

export const encodeCursor = (at: number, id: string): string =>
  Buffer.from(JSON.stringify([at, id]), 'utf8').toString('base64url');

export function decodeCursor(cursor: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError(cursor);
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw new InvalidCursorError(cursor);
  const [at, id] = parsed as unknown[];
  if (typeof at !== 'number' || !Number.isFinite(at) || typeof id !== 'string')
    throw new InvalidCursorError(cursor);
  return { at, id };
}
