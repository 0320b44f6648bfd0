/** Builds what the API returns for one capture: the stored record plus its body views and replays. */
import type { CaptureBodyView, CaptureDetail } from '../../../../shared/contract/receiver.js';
import { asText, decodeBody } from '../body-decode.js';
import type { CaptureRecord } from './capture-record.js';
import type { CaptureStore } from './capture-store.js';

export async function captureDetail(store: CaptureStore, record: CaptureRecord): Promise<CaptureDetail> {
  const { body: stored, ...rest } = record;
  const view: CaptureBodyView = { size: stored.size, sha256: stored.sha256, base64: '' };
  if (stored.omitted) view.omitted = stored.omitted;
  if (stored.encoding) view.encoding = stored.encoding;
  try {
    const raw = await store.body(record);
    view.base64 = raw.toString('base64');
    const decoded = decodeBody(raw, stored.encoding);
    if (decoded.encoding && !decoded.error) view.decodedSize = decoded.bytes.length;
    if (decoded.error) view.decodeError = decoded.error;
    const text = asText(decoded.bytes);
    if (text !== undefined) view.text = text;
  } catch (err) {
    view.omitted = `the body file could not be read: ${(err as Error).message}`;
  }
  return { ...rest, body: view, replays: await store.replays(record.id) };
}
