/**
 * Security model: secrets at rest (HMAC secrets, private keys) are encrypted with the OS keychain through
 * safeStorage (Keychain, DPAPI, libsecret/kwallet). On Linux without a keyring Chromium falls back to
 * 'basic_text', a hard-coded key that protects nothing, so we store plain text in 0600 files and say so.
 */
import { HookscopeError } from '../../shared/errors.js';
import { SAFE_STORAGE_PREFIX } from '../core/store/plain-secret-box.js';
import type { SecretBox } from '../core/store/types.js';

/** The part of Electron's safeStorage we use (call only after app 'ready'; Linux picks its backend then). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/** Marks a sealed value, so plain values (headless host, older builds) still open and get sealed on write. */
export const SEALED_PREFIX = SAFE_STORAGE_PREFIX;

export interface SafeStorageBoxOptions {
  platform?: NodeJS.Platform;
  warn?: (message: string) => void;
}

/** Why encryption cannot be trusted here, or undefined when it can. */
export function encryptionUnavailableReason(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): string | undefined {
  if (!safeStorage.isEncryptionAvailable()) return 'the system keychain is not available';
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    return 'no keyring (gnome-keyring/kwallet) is running, so Electron would only obfuscate them (basic_text)';
  }
  return undefined;
}

const isSealed = (value: string): boolean => value.startsWith(SEALED_PREFIX);

export function createSafeStorageBox(
  safeStorage: SafeStorageLike,
  options: SafeStorageBoxOptions = {},
): SecretBox {
  const reason = encryptionUnavailableReason(safeStorage, options.platform ?? process.platform);
  if (reason) {
    (options.warn ?? console.warn)(
      `hookscope: warning: secrets are stored unencrypted, protected only by file permissions (0600): ${reason}`,
    );
    return {
      kind: 'file-permissions',
      seal: (plain) => plain,
      open: (sealed) => {
        if (!isSealed(sealed)) return sealed;
        throw new HookscopeError(
          'unavailable',
          `a secret was encrypted with the system keychain, which is not available now (${reason}); unlock or start the keyring and restart Hookscope`,
        );
      },
    };
  }
  return {
    kind: 'encrypted',
    seal: (plain) => SEALED_PREFIX + safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) =>
      isSealed(sealed)
        ? safeStorage.decryptString(Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64'))
        : sealed,
  };
}
