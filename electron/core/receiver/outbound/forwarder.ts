/**
 * Forward-to (like `stripe listen --forward-to`): after a capture is stored and answered, its exact bytes
 * and headers go to a local app, and that app's answer and timing are added to the capture. Runs in the
 * background so a slow app never delays the sender; forwards in flight are awaited on shutdown.
 */
import type { CaptureRecord } from '../captures/capture-record.js';
import { sendRequest } from './send-request.js';

export class Forwarder {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    /** Called with the capture once its `forward` field is filled in. */
    private readonly onForwarded: (record: CaptureRecord) => void,
    private readonly timeoutMs?: number,
  ) {}

  forward(record: CaptureRecord, body: Buffer, url: string): void {
    const job = sendRequest({
      url,
      method: record.method,
      headers: record.rawHeaders,
      body,
      timeoutMs: this.timeoutMs,
    })
      .then((exchange) => {
        record.forward = exchange;
        this.onForwarded(record);
      })
      .catch(() => undefined)
      .finally(() => this.inFlight.delete(job));
    this.inFlight.add(job);
  }

  async drain(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }
}
