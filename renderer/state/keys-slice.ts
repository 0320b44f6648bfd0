/** Signing keys: listed once, changed through the API; shared by Keys, Verify and the subscription editor. */
import type { CertInfo, CreateKeyParams, KeyInfo } from '../../shared/contract/index.js';
import { toProblem } from '../api/errors.js';
import type { LoadState, SliceCreator } from './types.js';

export interface KeysState {
  items: KeyInfo[];
  load: LoadState;
  error?: string;
}

export interface KeysSlice {
  keys: KeysState;
  loadKeys(): Promise<void>;
  /** Generates or imports a key; resolves to the new key, or throws the API's error for the form to show. */
  createKey(params: CreateKeyParams): Promise<KeyInfo>;
  deleteKey(id: string): Promise<boolean>;
  /** The SPKI PEM of a key pair (throws for an HMAC secret). */
  publicKeyPem(id: string): Promise<string>;
  /** An HMAC key's secret, fetched only when a person asks to see it. */
  revealSecret(id: string): Promise<string | undefined>;
  /** The receiver's HTTPS certificate; throws with the engine's message when HTTPS is off. */
  receiverCertificate(): Promise<CertInfo>;
}

export const createKeysSlice: SliceCreator<KeysSlice> = (deps) => (set, get) => {
  const patch = (p: Partial<KeysState>) => set({ keys: { ...get().keys, ...p } });
  return {
    keys: { items: [], load: 'idle' },
    loadKeys: async () => {
      patch({ load: 'loading', error: undefined });
      try {
        patch({ items: await deps.api.listKeys({}), load: 'ready' });
      } catch (err) {
        patch({ load: 'error', error: toProblem(err).message });
      }
    },
    createKey: async (params) => {
      const key = await deps.api.createKey(params);
      patch({ items: [...get().keys.items.filter((k) => k.id !== key.id), key] });
      return key;
    },
    deleteKey: async (id) => {
      try {
        await deps.api.deleteKey({ id });
        patch({ items: get().keys.items.filter((k) => k.id !== id) });
        get().pushToast({ kind: 'success', message: 'Key deleted' });
        return true;
      } catch (err) {
        get().pushToast({ kind: 'error', message: `Not deleted: ${toProblem(err).message}` });
        return false;
      }
    },
    publicKeyPem: (id) => deps.api.getPublicKeyPem({ id }),
    revealSecret: async (id) => (await deps.api.getKey({ id, reveal: true })).secret,
    receiverCertificate: () => deps.api.getCertificate({}),
  };
};
