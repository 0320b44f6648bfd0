/** Who changed which configuration, when: every settings/endpoint/subscription/key change lands here. */
import { randomUUID } from 'node:crypto';
import type { CallContext } from '../../../shared/contract/define.js';
import type { AuditEntry, Page } from '../../../shared/contract/system.js';
import type { LiveBus } from '../live-bus.js';
import type { RecordStore } from '../store/record-store.js';

/** Values under these keys never reach the audit log. */
const SECRET_KEYS = /secret|private|password|token|pem/i;
const REDACTED = '[redacted]';

export class AuditLog {
  constructor(
    private readonly records: RecordStore<AuditEntry>,
    private readonly live: LiveBus,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a change; `before`/`after` are diffed field by field with secrets redacted. */
  record(
    ctx: CallContext,
    action: string,
    target: string,
    before?: Record<string, unknown>,
    after?: Record<string, unknown>,
  ): AuditEntry {
    const at = this.now();
    const entry: AuditEntry = {
      id: `aud_${at.toString(36)}_${randomUUID().slice(0, 8)}`,
      at: new Date(at).toISOString(),
      actor: ctx.actor,
      action,
      target,
    };
    const changes = diff(before ?? {}, after ?? {});
    if (Object.keys(changes).length > 0) entry.changes = changes;
    this.records.put(entry, { action, target }, at);
    this.live.emit('audit', entry);
    return entry;
  }

  list(limit = 100, before?: string): Promise<Page<AuditEntry>> {
    return this.records.page({ limit, before });
  }
}

export function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, { before: unknown; after: unknown }> {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    out[key] = SECRET_KEYS.test(key) ? { before: REDACTED, after: REDACTED } : { before: a, after: b };
  }
  return out;
}
