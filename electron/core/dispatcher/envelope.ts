/**
 * How each provider profile wraps an event on the wire. The body is rendered per attempt from the same
 * event, so the event id never changes (receivers dedupe on it). Instnt's only signed timestamp lives in
 * the payload (`created`), so it is stamped with the attempt's wall-clock time: a retry six hours later
 * must still pass a receiver's "signed timestamp isn't too old" check. Every other field stays the same.
 */
import type {
  DeliveryScheme,
  DispatchEvent,
  ProfileInfo,
  ProviderProfile,
} from '../../../shared/contract/dispatcher-model.js';

export const PROFILE_DEFAULT_SCHEME: Record<ProviderProfile, DeliveryScheme> = {
  instafill: 'instafill-hmac',
  instnt: 'instnt-rsa',
  'standard-webhooks': 'standard-webhooks',
  custom: 'none',
};

const PROFILE_LABELS: Record<ProviderProfile, string> = {
  instafill: 'Instafill (event, event_id, timestamp, workspace_id, data)',
  instnt: 'Instnt (event object: id evt_…, name, type, created, data)',
  'standard-webhooks': 'Standard Webhooks (type, timestamp, data)',
  custom: 'Custom (id, type, timestamp, workspace_id, data)',
};

/** ISO-8601 in whole seconds, as the Instafill docs print it ("2024-02-16T10:30:00Z"). */
export const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The envelope object for one attempt; `attemptWallMs` only matters where the payload carries the signed time. */
export function envelopeOf(
  profile: ProviderProfile,
  event: DispatchEvent,
  data: Record<string, unknown>,
  attemptWallMs: number,
): Record<string, unknown> {
  const testMark = event.test ? { test: true } : {};
  const eventTime = isoSeconds(Date.parse(event.createdAt));
  switch (profile) {
    case 'instafill':
      return {
        event: event.type,
        event_id: event.id,
        timestamp: eventTime,
        workspace_id: event.workspaceId,
        ...testMark,
        data,
      };
    case 'instnt':
      return {
        id: event.id,
        name: event.name,
        type: event.type,
        created: Math.floor(attemptWallMs / 1000),
        ...testMark,
        data,
      };
    case 'standard-webhooks':
      return {
        type: event.type,
        timestamp: new Date(Date.parse(event.createdAt)).toISOString(),
        ...testMark,
        data,
      };
    case 'custom':
      return {
        id: event.id,
        type: event.type,
        timestamp: eventTime,
        workspace_id: event.workspaceId,
        ...testMark,
        data,
      };
  }
}

export function renderBody(
  profile: ProviderProfile,
  event: DispatchEvent,
  data: Record<string, unknown>,
  attemptWallMs: number,
): string {
  return JSON.stringify(envelopeOf(profile, event, data, attemptWallMs));
}

const EXAMPLE_EVENT: DispatchEvent = {
  id: 'evt_2Zf8kQ1xW7',
  type: 'form.completed',
  name: 'Form Job Application Form completed',
  createdAt: '2024-02-16T10:30:00.000Z',
  workspaceId: 'ws_sales',
  test: false,
  data: { session_id: 'sess_abc123', form_id: 'form_xyz789' },
};

export function profileInfos(): ProfileInfo[] {
  return (Object.keys(PROFILE_LABELS) as ProviderProfile[]).map((id) => ({
    id,
    label: PROFILE_LABELS[id],
    defaultScheme: PROFILE_DEFAULT_SCHEME[id],
    envelopeExample: envelopeOf(id, EXAMPLE_EVENT, EXAMPLE_EVENT.data, Date.parse(EXAMPLE_EVENT.createdAt)),
  }));
}
