/** Offers system notifications for final failures in a browser tab; asks permission only on this click. */
import { useState } from 'react';
import {
  type NotifyPermission,
  notifyPermission,
  requestNotifyPermission,
} from '../../state/system-notify.js';
import { useAppStore } from '../../state/use-app-store.js';

export function NotifyButton() {
  const hostKind = useAppStore((s) => s.hostKind);
  const [permission, setPermission] = useState<NotifyPermission>(notifyPermission);
  // The desktop app notifies natively; a browser that cannot, or was told no, gets no button.
  if (hostKind !== 'browser' || permission === 'unsupported' || permission === 'denied') return null;
  if (permission === 'granted') {
    return <span className="muted notify-on">Desktop notifications on for failures</span>;
  }
  return (
    <button
      type="button"
      className="button"
      onClick={async () => setPermission(await requestNotifyPermission())}
      title="Show a system notification when a delivery fails after its last retry"
    >
      Notify me of failures
    </button>
  );
}
