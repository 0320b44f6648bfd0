/** What signing and key handling throw. All are ValidationErrors: the caller gave something unusable. */
import { ValidationError } from '../../../shared/errors.js';

/** A PEM, secret or key that cannot be read, with what to do about it. */
export class KeyFormatError extends ValidationError {}

/** A readable key of the wrong kind for the job, e.g. an RSA key for an HMAC scheme. */
export class KeyKindError extends ValidationError {}

/** Sign options that would produce a broken or unsafe header (e.g. a newline in an event name). */
export class SignOptionsError extends ValidationError {}
