/**
 * Verify: check a pasted or captured webhook against a scheme and key. The draft lives here so it survives
 * moving between areas; the report is the engine's VerifyReport.
 */
import type {
  CaptureDetail,
  CaptureSummary,
  SchemeId,
  VerifyParams,
  VerifyReport,
} from '../../shared/contract/index.js';
import type { SliceCreator } from './types.js';

export const RECENT_CAPTURES = 50;

export type VerifyKeySource = 'stored' | 'secret' | 'pem';

export interface VerifyDraft {
  body: string;
  /** The exact bytes of a picked capture; cleared as soon as the body text is edited. */
  bodyBase64?: string;
  headers: string;
  scheme: SchemeId;
  keySource: VerifyKeySource;
  keyId: string;
  secret: string;
  publicKeyPem: string;
  /** Seconds as typed; empty = the scheme's default. */
  tolerance: string;
  /** The capture the body and headers came from. */
  captureId?: string;
}

export interface VerifySlice {
  verifyDraft: VerifyDraft;
  verifyReport?: VerifyReport;
  setVerifyDraft(update: Partial<VerifyDraft>): void;
  setVerifyReport(report: VerifyReport | undefined): void;
  verifySignature(params: VerifyParams): Promise<VerifyReport>;
  recentCaptures(): Promise<CaptureSummary[]>;
  captureDetail(id: string): Promise<CaptureDetail>;
}

const initialDraft: VerifyDraft = {
  body: '',
  headers: '',
  scheme: 'instafill-hmac',
  keySource: 'stored',
  keyId: '',
  secret: '',
  publicKeyPem: '',
  tolerance: '',
};

export const createVerifySlice: SliceCreator<VerifySlice> = (deps) => (set, get) => ({
  verifyDraft: initialDraft,
  setVerifyDraft: (update) => set({ verifyDraft: { ...get().verifyDraft, ...update } }),
  setVerifyReport: (verifyReport) => set({ verifyReport }),
  verifySignature: (params) => deps.api.verifySignature(params),
  recentCaptures: async () => (await deps.api.listCaptures({ limit: RECENT_CAPTURES })).items,
  captureDetail: (id) => deps.api.getCapture({ id }),
});
