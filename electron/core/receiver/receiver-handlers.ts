/** The contract's receiver methods: endpoints, captures, replay, curl, HAR. Params arrive validated. */
import type { ApiHandlers } from '../../../shared/contract/index.js';
import { receiverMethods } from '../../../shared/contract/receiver.js';
import { BadRequestError, HookscopeError, NotFoundError } from '../../../shared/errors.js';
import { VERSION } from '../version.js';
import { queryCaptures } from './captures/capture-query.js';
import { type CaptureRecord, toSummary } from './captures/capture-record.js';
import type { CaptureStore } from './captures/capture-store.js';
import { captureDetail } from './captures/capture-view.js';
import type { EndpointService } from './endpoints/endpoint-service.js';
import { toCurl } from './formats/curl-export.js';
import { toHar } from './formats/har-export.js';
import { type ImportDeps, importCaptures } from './formats/import-service.js';
import type { DedupeIndex } from './guards/dedupe-index.js';
import type { RateLimiter } from './guards/rate-limiter.js';
import type { ReplayService } from './outbound/replay-service.js';

export type ReceiverMethodName = keyof typeof receiverMethods;
export type ReceiverHandlers = Pick<ApiHandlers, ReceiverMethodName>;

/** "Export all" still stops somewhere: a HAR file of this many captures is already hundreds of megabytes. */
export const DEFAULT_EXPORT_LIMIT = 10_000;
const DEFAULT_PAGE = 100;

export interface HandlerParts {
  endpoints: EndpointService;
  captures: CaptureStore;
  replays: ReplayService;
  dedupe: DedupeIndex;
  limiter: RateLimiter;
  importDeps: ImportDeps;
  receiverUrl: () => string;
  /** The PEM certificate the receiver serves HTTPS with; undefined when it runs plain HTTP. */
  certificatePem: string | undefined;
}

export function createReceiverHandlers(parts: HandlerParts): ReceiverHandlers {
  const { endpoints, captures } = parts;
  const load = async (id: string): Promise<CaptureRecord> => {
    const record = await captures.get(id);
    if (!record) throw new NotFoundError('capture', id);
    return record;
  };
  return {
    listEndpoints: () => endpoints.list(),
    createEndpoint: (params, ctx) => endpoints.create(params, ctx),
    getEndpoint: ({ id }) => endpoints.get(id),
    updateEndpoint: (params, ctx) => endpoints.update(params, ctx),
    deleteEndpoint: ({ id }, ctx) => endpoints.delete(id, ctx),
    listCaptures: async ({ limit, before, ...filter }) => {
      const page = await queryCaptures(captures, filter, limit ?? DEFAULT_PAGE, before);
      return page.nextBefore
        ? { items: page.items.map(toSummary), nextBefore: page.nextBefore }
        : { items: page.items.map(toSummary) };
    },
    getCapture: async ({ id }) => captureDetail(captures, await load(id)),
    deleteCapture: async ({ id }) => {
      if (!(await captures.delete(id))) throw new NotFoundError('capture', id);
      parts.dedupe.forgetCapture(id);
      return { id, deleted: true as const };
    },
    replayCapture: (params) => parts.replays.replay(params),
    getCaptureCurl: async ({ id, url }) => {
      const record = await load(id);
      if (record.body.omitted) {
        throw new BadRequestError(
          `capture ${id} has no body to put in a curl command (${record.body.omitted})`,
        );
      }
      return toCurl({
        method: record.method,
        url: url ?? `${parts.receiverUrl()}${record.url}`,
        headers: record.rawHeaders,
        body: await captures.body(record),
        sendEmptyBody: record.rawHeaders.some(([n]) => n.toLowerCase() === 'content-length'),
      });
    },
    exportHar: async ({ ids, limit, ...filter }) => {
      const records: CaptureRecord[] = [];
      if (ids !== undefined) {
        const list = (Array.isArray(ids) ? ids : ids.split(',')).map((s) => s.trim()).filter(Boolean);
        for (const id of list) records.push(await load(id));
      } else {
        let before: string | undefined;
        const max = limit ?? DEFAULT_EXPORT_LIMIT;
        do {
          const page = await queryCaptures(captures, filter, Math.min(1000, max - records.length), before);
          records.push(...page.items);
          before = page.nextBefore;
        } while (before && records.length < max);
        records.reverse(); // HAR viewers expect the oldest entry first
      }
      const sources = [];
      for (const record of records)
        sources.push({ record, body: record.body.omitted ? Buffer.alloc(0) : await captures.body(record) });
      return JSON.stringify(toHar(sources, VERSION, parts.receiverUrl()), null, 2);
    },
    importCaptures: (params) => importCaptures(parts.importDeps, params),
    getCertificatePem: () => {
      if (parts.certificatePem === undefined) {
        throw new HookscopeError(
          'unavailable',
          'the receiver runs plain HTTP, so there is no certificate; start it with HTTPS (hookscope serve --receiver-https)',
        );
      }
      return parts.certificatePem;
    },
  };
}

/** Derived from the contract, so a method added there is delegated without a second list to keep. */
const RECEIVER_METHODS = Object.keys(receiverMethods) as ReceiverMethodName[];

/**
 * Handlers that forward to the area once it runs: the engine builds its handler table before the receiver
 * has started (the area needs the engine's audit log and live bus).
 */
export function delegateReceiverHandlers(
  current: () => { handlers: ReceiverHandlers } | undefined,
): ReceiverHandlers {
  const out: Record<string, unknown> = {};
  for (const name of RECEIVER_METHODS) {
    out[name] = (params: unknown, ctx: unknown) => {
      const area = current();
      if (!area)
        throw new HookscopeError(
          'unavailable',
          'the webhook receiver is not running (it starts with the engine)',
        );
      return (area.handlers[name] as (p: unknown, c: unknown) => unknown)(params, ctx);
    };
  }
  return out as ReceiverHandlers;
}
