/**
 * The headless host's SecretBox: no platform keychain is available to plain Node, so secrets are stored
 * as they are and protected by file mode 0600 in a 0700 folder. Health reports this honestly.
 */
import { HookscopeError } from '../../../shared/errors.js';
import type { SecretBox } from './types.js';

/** Prefix the desktop app's safeStorage box puts on what it encrypts (electron/main/safe-storage-box.ts). */
export const SAFE_STORAGE_PREFIX = 'safe:v1:';

export class SecretSealedElsewhereError extends HookscopeError {
  constructor() {
    super(
      'unavailable',
      'this secret was encrypted by the desktop app with the system keychain and cannot be read by the headless host; open it in the desktop app, or re-import the key here',
    );
  }
}

export const plainSecretBox: SecretBox = {
  kind: 'file-permissions',
  seal: (plain) => plain,
  open: (sealed) => {
    if (sealed.startsWith(SAFE_STORAGE_PREFIX)) throw new SecretSealedElsewhereError();
    return sealed;
  },
};
