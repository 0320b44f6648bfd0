/** Errors the stores throw; each says what went wrong and what the caller or user can do about it. */
import { BadRequestError, HookscopeError } from '../../../shared/errors.js';

const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** A store was used after close(): a shutdown-ordering bug in the caller. */
export class StoreClosedError extends HookscopeError {
  constructor(dir: string) {
    super(
      'unavailable',
      `the record store in ${dir} is closed; open it again with RecordStore.open() before use`,
    );
  }
}

/** A `before` cursor that no page of this store produced. */
export class InvalidCursorError extends BadRequestError {
  constructor(cursor: string) {
    super(
      `page cursor "${cursor}" is not valid: pass the nextBefore of a previous page, or omit it to start over`,
    );
  }
}

/** conf could not start even from the defaults: a bug in the defaults, schema or migrations, not in the file. */
export class ConfigStoreOpenError extends HookscopeError {
  constructor(name: string, cause: unknown) {
    super(
      'internal',
      `config store "${name}" cannot start even from its defaults (${describe(cause)}); ` +
        'check that the defaults satisfy the schema and that every migration runs on a fresh store',
    );
    this.cause = cause;
  }
}

/** A flush failed; the records stay buffered and the next flush retries them. */
export class StoreWriteError extends HookscopeError {
  constructor(file: string, count: number, cause: unknown) {
    super(
      'unavailable',
      `could not write ${count} record line(s) to ${file} (${describe(cause)}); they are kept in memory and ` +
        'retried on the next flush: check free disk space and the permissions of the data directory',
    );
    this.cause = cause;
  }
}

/** Bytes at an indexed offset no longer hold the record the index expects: the file changed under us. */
export class CorruptRecordError extends HookscopeError {
  constructor(id: string, file: string, offset: number) {
    super(
      'internal',
      `record "${id}" in ${file} at byte ${offset} is unreadable: the file was changed outside Hookscope; ` +
        'restart the app so the store is re-scanned and the damage quarantined',
    );
  }
}

/** A record that cannot be stored, e.g. without an id. */
export class InvalidRecordError extends HookscopeError {
  constructor(message: string) {
    super('validation', message);
  }
}

/** Every quarantine name for a file is taken: something keeps damaging it, or a loop keeps quarantining. */
export class QuarantineFullError extends HookscopeError {
  constructor(file: string, attempts: number) {
    super(
      'internal',
      `could not find a free quarantine name for ${file} after ${attempts} tries; ` +
        'look in its quarantine/ folder for what keeps failing and clear out old copies',
    );
  }
}
