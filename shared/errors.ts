/**
 * The error model both transports carry: a stable machine code, an HTTP status and a message a person can
 * act on. The engine throws subclasses of HookscopeError; clients rebuild an ApiError from the wire form.
 */

export type ErrorCode =
  | 'bad_request'
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unavailable'
  | 'internal';

export interface WireError {
  code: ErrorCode;
  message: string;
  /** Field-level problems, e.g. [{ path: 'url', message: 'must be https' }]. */
  issues?: { path: string; message: string }[];
}

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unavailable: 503,
  internal: 500,
};

export const statusOf = (code: ErrorCode): number => STATUS[code];

export class HookscopeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: WireError['issues'],
  ) {
    super(message);
    this.name = new.target.name;
  }
  get status(): number {
    return statusOf(this.code);
  }
  toWire(): WireError {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

export class ValidationError extends HookscopeError {
  constructor(message: string, issues?: WireError['issues']) {
    super('validation', message, issues);
  }
}
export class NotFoundError extends HookscopeError {
  constructor(what: string, id: string) {
    super('not_found', `${what} "${id}" does not exist (it may have been deleted)`);
  }
}
export class ConflictError extends HookscopeError {
  constructor(message: string) {
    super('conflict', message);
  }
}
export class BadRequestError extends HookscopeError {
  constructor(message: string) {
    super('bad_request', message);
  }
}

/** What a client throws for a failed call, whichever transport carried it. */
export class ApiError extends HookscopeError {
  constructor(
    wire: WireError,
    readonly httpStatus = statusOf(wire.code),
  ) {
    super(wire.code, wire.message, wire.issues);
  }
}

/** Turns anything thrown into the wire form; unknown errors keep their message but not their stack. */
export function toWireError(err: unknown): WireError {
  if (err instanceof HookscopeError) return err.toWire();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: `internal error: ${message}` };
}
