/**
 * A capture as stored: the detail view minus what is derived on read (body views, replays). Small bodies
 * are kept inline as base64; bigger ones in a file beside the store, named in `body.file`.
 */
import type { CaptureDetail, CaptureSummary } from '../../../../shared/contract/receiver.js';
import type { RecordMeta } from '../../store/record-store.js';

export interface StoredBody {
  size: number;
  sha256: string;
  /** Base64 of the raw bytes, for bodies up to INLINE_BODY_MAX_BYTES. */
  inline?: string;
  /** File name in the bodies folder, for bigger ones. */
  file?: string;
  encoding?: string;
  /** Why the bytes were not kept. */
  omitted?: string;
}

export interface CaptureRecord extends Omit<CaptureDetail, 'body' | 'replays'> {
  body: StoredBody;
}

/** The indexed fields list filters use without reading records. */
export function captureMeta(record: CaptureRecord): RecordMeta {
  return {
    endpoint: record.endpoint,
    method: record.method,
    path: record.path,
    verdict: record.verdict,
    duplicate: record.duplicateOf !== undefined,
    status: record.status,
    eventId: record.eventId,
    source: record.source,
  };
}

export function toSummary(record: CaptureRecord): CaptureSummary {
  const summary: CaptureSummary = {
    id: record.id,
    receivedAt: record.receivedAt,
    endpoint: record.endpoint,
    method: record.method,
    path: record.path,
    query: record.query,
    size: record.size,
    status: record.status,
    verdict: record.verdict,
    remoteAddress: record.remoteAddress,
    viaTunnel: record.viaTunnel,
    source: record.source,
    notes: record.notes,
  };
  if (record.endpointName !== undefined) summary.endpointName = record.endpointName;
  if (record.contentType !== undefined) summary.contentType = record.contentType;
  if (record.duplicateOf !== undefined) summary.duplicateOf = record.duplicateOf;
  if (record.eventId !== undefined) summary.eventId = record.eventId;
  if (record.eventType !== undefined) summary.eventType = record.eventType;
  return summary;
}
