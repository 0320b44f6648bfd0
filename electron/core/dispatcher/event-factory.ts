/**
 * Turns "fire form.completed with this data" into a DispatchEvent: canonical type, sample data merged
 * with the caller's, a workspace and form for scoping, Instnt's human-friendly name, a wall-clock time.
 */
import type { CatalogEventType, DispatchEvent } from '../../../shared/contract/dispatcher-model.js';
import { newId } from './ids.js';

/** Events fired without a workspace belong to this one (the Instafill envelope always names one). */
export const DEFAULT_WORKSPACE_ID = 'ws_default';

/** Where each provider's payload names the form: Instafill form_id; Instnt form_key_id, form_key, formKey. */
const FORM_ID_FIELDS = ['form_id', 'form_key_id', 'form_key', 'formKey'] as const;

export interface EventInput {
  entry: CatalogEventType;
  data?: Record<string, unknown>;
  workspaceId?: string;
  formId?: string;
  test?: boolean;
}

export function createEvent(input: EventInput, wallMs: number): DispatchEvent {
  const data = { ...structuredClone(input.entry.sample), ...(input.data ?? {}) };
  const formId = input.formId ?? formIdOf(data);
  return {
    id: newId('evt', wallMs),
    type: input.entry.type,
    name: eventName(input.entry.type, data),
    createdAt: new Date(wallMs).toISOString(),
    workspaceId: input.workspaceId ?? DEFAULT_WORKSPACE_ID,
    ...(formId !== undefined && { formId }),
    test: input.test === true || input.entry.test,
    data,
  };
}

export function formIdOf(data: Record<string, unknown>): string | undefined {
  for (const field of FORM_ID_FIELDS) {
    const value = data[field];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}

const text = (value: unknown, fallback: string): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;

/** A user-friendly event name in the style of Instnt's example "Document image.png submitted". */
export function eventName(type: string, data: Record<string, unknown>): string {
  const doc = text(data.documentFrontImage, 'image');
  switch (type) {
    case 'transaction.initiated':
      return `Form ${text(data.form_key_id, '')} requested`.replace('  ', ' ');
    case 'transaction.submitted':
      return `Form ${text(data.form_key, '')} submitted`.replace('  ', ' ');
    case 'transaction.accepted':
      return `Transaction ${text(data.instnttxn, '')} accepted`.replace('  ', ' ');
    case 'transaction.rejected':
      return `Transaction ${text(data.instnttxn, '')} rejected`.replace('  ', ' ');
    case 'transaction.review':
      return `Transaction ${text(data.instnttxn, '')} sent to manual review`.replace('  ', ' ');
    case 'document.submitted':
      return `Document ${doc} submitted`;
    case 'document.verification.success':
      return `Document ${doc} verified`;
    case 'document.verification.failure':
      return `Document ${doc} failed verification`;
    default: {
      const words = type.split('.').join(' ').replace(/_/g, ' ');
      const subject = typeof data.form_name === 'string' ? ` (${data.form_name})` : '';
      return `${words.charAt(0).toUpperCase()}${words.slice(1)}${subject}`;
    }
  }
}
