/** A button that copies a value and confirms in place (its label says "Copied" for a moment). */
import { useEffect, useState } from 'react';
import { useAppStore } from '../state/use-app-store.js';
import { CheckIcon, CopyIcon } from './icons.js';

const CONFIRM_MS = 1500;

export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const pushToast = useAppStore((s) => s.pushToast);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      pushToast({ kind: 'error', message: 'Could not copy: the clipboard is not available here.' });
    }
  };

  return (
    <button
      type="button"
      className="icon-button"
      aria-label={copied ? 'Copied' : label}
      title={label}
      onClick={copy}
    >
      {copied ? <CheckIcon /> : <CopyIcon />}
    </button>
  );
}
