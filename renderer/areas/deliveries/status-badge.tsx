/** A delivery's status as a coloured, readable badge (the word is always there, colour only helps). */
import type { DeliveryStatus } from '../../../shared/contract/index.js';

const LABEL: Record<DeliveryStatus, string> = {
  pending: 'Pending',
  succeeded: 'Succeeded',
  failed: 'Failed',
  canceled: 'Canceled',
};

export function StatusBadge({ status }: { status: DeliveryStatus }) {
  return <span className={`status-badge status-${status}`}>{LABEL[status]}</span>;
}

export const STATUS_LABEL = LABEL;
