/**
 * Row actions for one key. Public keys are fetched from the API (the SPKI PEM receivers need); an HMAC
 * secret is only fetched when the person asks to reveal it, and hidden again on request.
 */
import { useState } from 'react';
import type { KeyInfo } from '../../../shared/contract/index.js';
import { toProblem } from '../../api/errors.js';
import { useAppStore } from '../../state/use-app-store.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { CopyButton } from '../../ui/copy-button.js';
import { downloadText } from '../../ui/download.js';

export function KeyActions({ keyInfo }: { keyInfo: KeyInfo }) {
  const publicKeyPem = useAppStore((s) => s.publicKeyPem);
  const revealSecret = useAppStore((s) => s.revealSecret);
  const pushToast = useAppStore((s) => s.pushToast);
  const deleteKey = useAppStore((s) => s.deleteKey);
  const [secret, setSecret] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const isPair = keyInfo.type !== 'hmac';
  const fileName = `${keyInfo.name.replace(/[^A-Za-z0-9._-]+/g, '-')}.public.pem`;

  const publicPem = async (): Promise<string | undefined> => {
    try {
      return await publicKeyPem(keyInfo.id);
    } catch (err) {
      pushToast({ kind: 'error', message: `No public key: ${toProblem(err).message}` });
      return undefined;
    }
  };

  const copyPublic = async () => {
    const pem = await publicPem();
    if (!pem) return;
    try {
      await navigator.clipboard.writeText(pem);
      pushToast({ kind: 'success', message: `Public key of ${keyInfo.name} copied` });
    } catch {
      pushToast({ kind: 'error', message: 'Could not copy: the clipboard is not available here.' });
    }
  };

  const download = async () => {
    const pem = await publicPem();
    if (pem) downloadText(fileName, pem, 'application/x-pem-file');
  };

  const reveal = async () => {
    try {
      setSecret((await revealSecret(keyInfo.id)) ?? '');
    } catch (err) {
      pushToast({ kind: 'error', message: `Could not reveal: ${toProblem(err).message}` });
    }
  };

  return (
    <div className="key-actions">
      <div className="row-actions">
        {isPair && (
          <>
            <button
              type="button"
              className="button button-small"
              aria-label={`Copy public key of ${keyInfo.name}`}
              onClick={() => void copyPublic()}
            >
              Copy public key
            </button>
            <button
              type="button"
              className="button button-small"
              aria-label={`Download public key of ${keyInfo.name}`}
              onClick={() => void download()}
            >
              Download .pem
            </button>
          </>
        )}
        {!isPair &&
          (secret === undefined ? (
            <button
              type="button"
              className="button button-small"
              aria-label={`Reveal secret of ${keyInfo.name}`}
              onClick={() => void reveal()}
            >
              Reveal secret
            </button>
          ) : (
            <button
              type="button"
              className="button button-small"
              aria-label={`Hide secret of ${keyInfo.name}`}
              onClick={() => setSecret(undefined)}
            >
              Hide secret
            </button>
          ))}
        <button
          type="button"
          className="button button-small button-quiet button-danger-quiet"
          aria-label={`Delete ${keyInfo.name}`}
          onClick={() => setConfirming(true)}
        >
          Delete
        </button>
      </div>
      {secret !== undefined && (
        <div className="field-row secret-row">
          <input
            type="text"
            readOnly
            value={secret}
            aria-label={`Secret of ${keyInfo.name}`}
            spellCheck={false}
          />
          <CopyButton value={secret} label={`Copy secret of ${keyInfo.name}`} />
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Delete ${keyInfo.name}?`}
        confirmLabel="Delete key"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void deleteKey(keyInfo.id);
        }}
      >
        Subscriptions and endpoints that use this key stop signing or verifying with it. This cannot be
        undone.
      </ConfirmDialog>
    </div>
  );
}
