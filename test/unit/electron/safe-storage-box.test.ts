/** safeStorage secret box: encrypts where a real keychain exists, says so loudly where it does not. */
import { describe, expect, it } from 'vitest';
import {
  createSafeStorageBox,
  type SafeStorageLike,
  SEALED_PREFIX,
} from '../../../electron/main/safe-storage-box.js';

function fakeSafeStorage(available: boolean, backend = 'gnome_libsecret'): SafeStorageLike {
  // A reversible stand-in for the OS keychain; what matters here is the box's behaviour around it.
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from([...Buffer.from(plain, 'utf8')].map((b) => b ^ 0x5a)),
    decryptString: (sealed) => Buffer.from([...sealed].map((b) => b ^ 0x5a)).toString('utf8'),
    getSelectedStorageBackend: () => backend,
  };
}

describe('createSafeStorageBox', () => {
  it('encrypts with safeStorage when the keychain is real, and round-trips', () => {
    const warnings: string[] = [];
    const box = createSafeStorageBox(fakeSafeStorage(true), {
      platform: 'linux',
      warn: (m) => warnings.push(m),
    });
    expect(box.kind).toBe('encrypted');
    const sealed = box.seal('whsec_c2VjcmV0');
    expect(sealed.startsWith(SEALED_PREFIX)).toBe(true);
    expect(sealed).not.toContain('whsec_c2VjcmV0');
    expect(box.open(sealed)).toBe('whsec_c2VjcmV0');
    expect(warnings).toEqual([]);
  });

  it('still opens plain values written by the headless host', () => {
    const box = createSafeStorageBox(fakeSafeStorage(true), { platform: 'darwin', warn: () => {} });
    expect(box.open('plain-secret')).toBe('plain-secret');
  });

  it("falls back to file permissions with a warning on Linux's basic_text backend", () => {
    const warnings: string[] = [];
    const box = createSafeStorageBox(fakeSafeStorage(true, 'basic_text'), {
      platform: 'linux',
      warn: (m) => warnings.push(m),
    });
    expect(box.kind).toBe('file-permissions');
    expect(box.seal('s3cret')).toBe('s3cret');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/unencrypted.*basic_text/);
  });

  it('falls back when encryption is unavailable, and refuses to return a sealed value as if plain', () => {
    const warnings: string[] = [];
    const box = createSafeStorageBox(fakeSafeStorage(false), {
      platform: 'win32',
      warn: (m) => warnings.push(m),
    });
    expect(box.kind).toBe('file-permissions');
    expect(warnings[0]).toMatch(/keychain is not available/);
    expect(() => box.open(`${SEALED_PREFIX}AAAA`)).toThrow(/encrypted with the system keychain/);
  });

  it('looks at the basic_text backend only on Linux, where it exists', () => {
    const box = createSafeStorageBox(fakeSafeStorage(true, 'basic_text'), {
      platform: 'darwin',
      warn: () => {},
    });
    expect(box.kind).toBe('encrypted');
  });
});
