/** A minimal stored delivery for benchmarks that fill a DeliveryLog directly (scheduler scan, start-up). */
import type { Delivery } from '../shared/contract/dispatcher-model.js';

export function benchDelivery(i: number, at: string, status: Delivery['status'], url: string): Delivery {
  return {
    id: `dlv_${i.toString(36).padStart(12, '0')}`,
    eventId: `evt_${i}`,
    eventType: 'form.completed',
    subscriptionId: 'sub_bench',
    subscriptionName: 'bench',
    url,
    profile: 'instafill',
    scheme: 'instafill-hmac',
    status,
    test: false,
    createdAt: at,
    updatedAt: at,
    attemptCount: 1,
    maxAttempts: 6,
    event: {
      id: `evt_${i}`,
      type: 'form.completed',
      name: 'x',
      createdAt: at,
      workspaceId: 'ws',
      test: false,
      data: {},
    },
    attempts: [],
  };
}
