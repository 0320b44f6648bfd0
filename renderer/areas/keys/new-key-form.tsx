/**
 * Adds a key: generate one (RSA 2048/3072/4096, Ed25519, or an HMAC secret for a scheme — Standard
 * Webhooks secrets come as whsec_…), or import a pasted PEM or secret. The engine validates; its field
 * errors show inline.
 */
import { type FormEvent, useState } from 'react';
import {
  type CreateKeyParams,
  type KeyType,
  RSA_KEY_BITS,
  SCHEME_IDS,
  SCHEME_INFO,
  type SchemeId,
} from '../../../shared/contract/index.js';
import { issuesByPath, toProblem } from '../../api/errors.js';
import { useAppStore } from '../../state/use-app-store.js';
import { Field } from '../../ui/field.js';
import { SelectField, TextAreaField } from '../../ui/select-field.js';

type Mode = 'generate' | 'pem' | 'secret';
const MODES: { id: Mode; label: string }[] = [
  { id: 'generate', label: 'Generate' },
  { id: 'pem', label: 'Import PEM' },
  { id: 'secret', label: 'Import secret' },
];
const TYPE_OPTIONS: { id: KeyType; label: string }[] = [
  { id: 'rsa', label: 'RSA' },
  { id: 'ed25519', label: 'Ed25519' },
  { id: 'hmac', label: 'HMAC secret' },
];

/** Schemes that can use a key of this type. */
const schemesFor = (type: KeyType) => SCHEME_IDS.filter((id) => SCHEME_INFO[id].keyTypes.includes(type));

export function NewKeyForm() {
  const createKey = useAppStore((s) => s.createKey);
  const pushToast = useAppStore((s) => s.pushToast);
  const [mode, setMode] = useState<Mode>('generate');
  const [type, setType] = useState<KeyType>('rsa');
  const [bits, setBits] = useState<number>(2048);
  const [scheme, setScheme] = useState<SchemeId | ''>('instnt-rsa');
  const [name, setName] = useState('');
  const [pem, setPem] = useState('');
  const [secret, setSecret] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const changeType = (next: KeyType) => {
    setType(next);
    const options = schemesFor(next);
    if (scheme && !options.includes(scheme)) setScheme(options[0] ?? '');
  };

  const params = (): CreateKeyParams => {
    const named = name.trim() ? { name: name.trim() } : {};
    const schemed = scheme ? { scheme } : {};
    if (mode === 'pem') return { pem, name: name.trim() };
    if (mode === 'secret') return { secret, name: name.trim(), ...schemed };
    return { type, ...(type === 'rsa' ? { bits: bits as 2048 } : {}), ...named, ...schemed };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setIssues({});
    setFormError(undefined);
    try {
      const key = await createKey(params());
      pushToast({
        kind: 'success',
        message: `${mode === 'generate' ? 'Generated' : 'Imported'} ${key.name}`,
      });
      setName('');
      setPem('');
      setSecret('');
    } catch (err) {
      const problem = toProblem(err);
      const byPath = issuesByPath(problem.issues);
      setIssues(byPath);
      if (
        Object.keys(byPath).length === 0 ||
        !['name', 'pem', 'secret', 'bits', 'scheme'].some((k) => byPath[k])
      ) {
        setFormError(problem.message);
      }
    } finally {
      setBusy(false);
    }
  };

  const schemeOptions = mode === 'generate' ? schemesFor(type) : mode === 'secret' ? schemesFor('hmac') : [];

  return (
    <form className="card" aria-labelledby="new-key-title" onSubmit={submit} noValidate>
      <h2 id="new-key-title">Add a key</h2>
      <fieldset className="segmented-field">
        <legend className="visually-hidden">How to add the key</legend>
        <div className="segmented">
          {MODES.map((m) => (
            <label key={m.id} className="segment">
              <input
                type="radio"
                name="key-mode"
                value={m.id}
                checked={mode === m.id}
                onChange={() => {
                  setMode(m.id);
                  setIssues({});
                  setFormError(undefined);
                }}
              />
              <span>{m.label}</span>
            </label>
          ))}
        </div>
      </fieldset>

      {mode === 'generate' && (
        <div className="field-pair">
          <SelectField label="Key type" value={type} onChange={(e) => changeType(e.target.value as KeyType)}>
            {TYPE_OPTIONS.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </SelectField>
          {type === 'rsa' && (
            <SelectField
              label="Key size"
              value={bits}
              error={issues.bits}
              onChange={(e) => setBits(Number(e.target.value))}
            >
              {RSA_KEY_BITS.map((b) => (
                <option key={b} value={b}>
                  {b} bits
                </option>
              ))}
            </SelectField>
          )}
        </div>
      )}

      {mode === 'pem' && (
        <TextAreaField
          label="PEM"
          rows={6}
          placeholder={'-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----'}
          value={pem}
          error={issues.pem}
          onChange={(e) => setPem(e.target.value)}
          help="A public key (verify only) or a private key (sign and verify): PKCS#8, PKCS#1 or SPKI."
        />
      )}

      {mode === 'secret' && (
        <Field
          label="Secret"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={secret}
          error={issues.secret}
          onChange={(e) => setSecret(e.target.value)}
          help="Pasted as is. Standard Webhooks secrets start with whsec_."
        />
      )}

      <div className="field-pair">
        <Field
          label="Name"
          type="text"
          autoComplete="off"
          placeholder={mode === 'generate' ? 'Optional' : 'e.g. Instnt production'}
          value={name}
          error={issues.name}
          onChange={(e) => setName(e.target.value)}
        />
        {schemeOptions.length > 0 && (
          <SelectField
            label="Scheme"
            value={scheme}
            error={issues.scheme}
            onChange={(e) => setScheme(e.target.value as SchemeId | '')}
            help={
              scheme === 'standard-webhooks' && (mode === 'secret' || type === 'hmac')
                ? 'A whsec_ secret (base64 after the prefix), as Standard Webhooks senders hand them out.'
                : undefined
            }
          >
            <option value="">Any scheme</option>
            {schemeOptions.map((id) => (
              <option key={id} value={id}>
                {SCHEME_INFO[id].label}
              </option>
            ))}
          </SelectField>
        )}
      </div>

      {formError && (
        <p className="field-error" role="alert">
          {formError}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy
            ? mode === 'generate'
              ? 'Generating…'
              : 'Importing…'
            : mode === 'generate'
              ? 'Generate key'
              : 'Import key'}
        </button>
      </div>
    </form>
  );
}
