/**
 * System notifications in a browser tab, where the person allowed them. Permission is asked only from a
 * click (browsers ignore or penalise a request made without one); the desktop app notifies natively.
 */

export type NotifyPermission = 'granted' | 'denied' | 'default' | 'unsupported';

export function notifyPermission(): NotifyPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Call from a click handler only. */
export async function requestNotifyPermission(): Promise<NotifyPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

/** Shows a notification when allowed; silently nothing otherwise (the toast already says it). */
export function notifySystem(title: string, body: string): void {
  if (notifyPermission() !== 'granted') return;
  try {
    new Notification(title, { body, tag: 'hookscope-alert' });
  } catch {
    // Some browsers allow notifications only from a service worker; the toast is enough.
  }
}
