/**
 * Playground: pick an event type, edit its payload, choose where it goes, fire, and watch the deliveries it
 * made; or send it once to an ad-hoc URL with a chosen scheme and key (no delivery, the answer inline);
 * or run a scenario.
 */
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import type { CatalogEventType } from '../../../shared/contract/index.js';
import { ClockControl } from '../../shell/clock-control.js';
import { useAppStore } from '../../state/use-app-store.js';
import { AreaHeader } from '../../ui/area-header.js';
import { Field } from '../../ui/field.js';
import { type AdhocDraft, AdhocResult, AdhocTarget, EMPTY_ADHOC } from './adhoc-target.js';
import { EventPicker } from './event-picker.js';
import { FiredList } from './fired-list.js';
import { JsonEditor, parsePayload } from './json-editor.js';
import { ScenariosPanel } from './scenarios-panel.js';
import { SubscriptionPicker, type Targeting } from './subscription-picker.js';
import '../deliveries/deliveries.css';
import './playground.css';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

export default function PlaygroundArea() {
  const catalog = useAppStore((s) => s.sendCatalog);
  const catalogLoad = useAppStore((s) => s.sendCatalogLoad);
  const loadCatalog = useAppStore((s) => s.loadSendCatalog);
  const subs = useAppStore((s) => s.sendSubscriptions);
  const loadSubs = useAppStore((s) => s.loadSendSubscriptions);
  const fire = useAppStore((s) => s.fireEvent);
  const firing = useAppStore((s) => s.firing);
  const issues = useAppStore((s) => s.fireIssues);
  const fireError = useAppStore((s) => s.fireError);
  const keys = useAppStore((s) => s.keys);
  const loadKeys = useAppStore((s) => s.loadKeys);
  const fireOnce = useAppStore((s) => s.fireOnce);
  const adhocResult = useAppStore((s) => s.adhocResult);
  const adhocSending = useAppStore((s) => s.adhocSending);
  const adhocIssues = useAppStore((s) => s.adhocIssues);
  const adhocError = useAppStore((s) => s.adhocError);
  const clockShown = useAppStore((s) => Boolean(s.clock && (s.clock.pending > 0 || s.clock.mode !== 'real')));

  useEffect(() => {
    if (catalogLoad === 'idle') void loadCatalog();
  }, [catalogLoad, loadCatalog]);
  // The subscription list may have changed in another area or window since it was loaded: reload per visit.
  useEffect(() => {
    void loadSubs();
  }, [loadSubs]);

  useEffect(() => {
    if (keys.load === 'idle') void loadKeys();
  }, [keys.load, loadKeys]);

  const types = catalog?.types ?? [];
  const [type, setType] = useState<CatalogEventType | undefined>(undefined);
  const chosen = type ?? types[0];
  const [payload, setPayload] = useState<string | undefined>(undefined);
  const text = payload ?? (chosen ? pretty(chosen.sample) : '{}');
  const [targeting, setTargeting] = useState<Targeting>('matching');
  const [picked, setPicked] = useState<string[]>([]);
  const [test, setTest] = useState(false);
  const [workspaceId, setWorkspaceId] = useState('');
  const [formId, setFormId] = useState('');
  const [adhoc, setAdhoc] = useState<AdhocDraft>(EMPTY_ADHOC);
  const [localError, setLocalError] = useState<Record<string, string>>({});
  const helpId = useId();

  const parsed = useMemo(() => parsePayload(text), [text]);
  // The engine reports payload problems by path inside data (`data.form_id`); show them under the editor.
  const isAdhoc = targeting === 'adhoc';
  const shownIssues = isAdhoc ? adhocIssues : issues;
  const dataIssue = Object.entries(shownIssues).find(([path]) => path === 'data' || path.startsWith('data.'));
  const payloadError = localError.data ?? (dataIssue && `${dataIssue[0]}: ${dataIssue[1]}`);
  const isTest = test || Boolean(chosen?.test);
  const targetProblem =
    targeting === 'picked' && picked.length === 0
      ? 'Pick at least one subscription.'
      : isTest && targeting === 'matching'
        ? 'A test event goes only to subscriptions you pick: choose "Only these subscriptions".'
        : isAdhoc && adhoc.url.trim() === ''
          ? 'Type the URL to send to.'
          : isAdhoc && adhoc.keyId === '' && adhoc.secret === ''
            ? 'Pick a signing key or type a secret.'
            : undefined;

  const targets = {
    ...(targeting === 'picked' && picked.length > 0 && { subscriptionIds: picked }),
    ...(test && { test: true }),
    ...(workspaceId.trim() && { workspaceId: workspaceId.trim() }),
    ...(formId.trim() && { formId: formId.trim() }),
  };

  const pick = (next: CatalogEventType) => {
    setType(next);
    setPayload(undefined);
    setLocalError({});
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    const problems: Record<string, string> = {};
    if ('error' in parsed) problems.data = parsed.error;
    if (targetProblem) problems.target = targetProblem;
    setLocalError(problems);
    if ('error' in parsed || targetProblem) return;
    if (isAdhoc) {
      await fireOnce({
        type: chosen.type,
        data: parsed.data,
        to: adhoc.url.trim(),
        scheme: adhoc.scheme,
        ...(adhoc.keyId ? { keyId: adhoc.keyId } : { secret: adhoc.secret }),
        ...(test && { test: true }),
      });
      return;
    }
    await fire({ type: chosen.type, data: parsed.data, ...targets });
  };

  return (
    <section className="area playground" aria-labelledby="playground-title">
      <AreaHeader
        title="Playground"
        description="Fire any catalog event, signed and retried like the provider does, and watch where it goes."
      />
      {clockShown && <ClockControl />}
      {catalogLoad === 'error' && (
        <div className="callout callout-error" role="alert">
          Could not load the event catalog.{' '}
          <button type="button" className="button button-small" onClick={() => void loadCatalog()}>
            Try again
          </button>
        </div>
      )}
      {!catalog && catalogLoad !== 'error' && (
        <p className="loading" role="status">
          Loading the event catalog…
        </p>
      )}
      {catalog && chosen && (
        <div className="playground-grid">
          <form className="card fire-form" aria-labelledby="fire-title" onSubmit={submit} noValidate>
            <h2 id="fire-title">Fire an event</h2>
            <EventPicker types={types} value={chosen.type} onPick={pick} />
            <div className="field">
              <div className="payload-head">
                <span className="payload-label" id={`${helpId}-label`}>
                  Payload <code>data</code>
                </span>
                <button
                  type="button"
                  className="button button-small button-quiet"
                  disabled={payload === undefined}
                  onClick={() => setPayload(undefined)}
                >
                  Reset to sample
                </button>
              </div>
              <JsonEditor
                value={text}
                onChange={(v) => {
                  setPayload(v);
                  setLocalError(({ data: _gone, ...rest }) => rest);
                }}
                label="Payload JSON"
                describedBy={helpId}
              />
              {payloadError ? (
                <p className="field-error" id={helpId} role="alert">
                  {payloadError}
                </p>
              ) : (
                <p className="field-help" id={helpId}>
                  {'error' in parsed
                    ? parsed.error
                    : `Merged over the ${chosen.type} sample.${chosen.required.length ? ` Required: ${chosen.required.join(', ')}.` : ''}`}
                </p>
              )}
            </div>
            <SubscriptionPicker
              subscriptions={subs}
              targeting={targeting}
              picked={picked}
              onTargeting={(t) => {
                setTargeting(t);
                setLocalError(({ target: _gone, ...rest }) => rest);
              }}
              onPicked={(ids) => {
                setPicked(ids);
                setLocalError(({ target: _gone, ...rest }) => rest);
              }}
              error={isAdhoc ? undefined : (localError.target ?? issues.subscriptionIds)}
            />
            {isAdhoc && (
              <AdhocTarget
                draft={adhoc}
                keys={keys.items}
                issues={adhocIssues}
                onChange={(next) => {
                  setAdhoc(next);
                  setLocalError(({ target: _gone, ...rest }) => rest);
                }}
              />
            )}
            {isAdhoc && localError.target && <p className="field-error">{localError.target}</p>}
            <label className="check-line">
              <input type="checkbox" checked={test} onChange={(e) => setTest(e.target.checked)} />
              Mark as a test event
            </label>
            {!isAdhoc && (
              <div className="field-pair">
                <Field
                  label="Workspace id"
                  placeholder="ws_default"
                  value={workspaceId}
                  onChange={(e) => setWorkspaceId(e.target.value)}
                  error={issues.workspaceId}
                  help="Subscriptions scoped to workspaces only get events from theirs."
                />
                <Field
                  label="Form id"
                  placeholder="form_123"
                  value={formId}
                  onChange={(e) => setFormId(e.target.value)}
                  error={issues.formId}
                  help="For subscriptions mapped to forms."
                />
              </div>
            )}
            {isAdhoc && adhocError && Object.keys(adhocIssues).length === 0 && (
              <div className="callout callout-error" role="alert">
                Not sent: {adhocError}
              </div>
            )}
            {!isAdhoc && fireError && Object.keys(issues).length === 0 && (
              <div className="callout callout-error" role="alert">
                Not fired: {fireError}
              </div>
            )}
            <div className="form-actions">
              {isAdhoc ? (
                <button type="submit" className="button button-primary" disabled={adhocSending}>
                  {adhocSending ? 'Sending…' : 'Send once'}
                </button>
              ) : (
                <button type="submit" className="button button-primary" disabled={firing}>
                  {firing ? 'Firing…' : 'Fire event'}
                </button>
              )}
            </div>
          </form>
          <div className="playground-side">
            {adhocResult && <AdhocResult result={adhocResult} />}
            <FiredList />
            <ScenariosPanel
              targets={targets}
              blocked={
                isAdhoc
                  ? 'Scenarios send to subscriptions: choose "Every matching subscription" or pick some.'
                  : targeting === 'picked'
                    ? targetProblem
                    : undefined
              }
            />
          </div>
        </div>
      )}
    </section>
  );
}
