/**
 * Subscription conditions in CEL (Google's Common Expression Language) via @marcbachmann/cel-js: a
 * non-Turing-complete language made for exactly this (policy and event filters in Kubernetes, Eventarc,
 * Envoy). User text is parsed into an AST and interpreted; it is never turned into JavaScript, cannot
 * reach globals or prototypes, cannot loop forever, and the parse limits below bound its size.
 * One definition serves the engine (which decides) and the UI (which previews while a person types).
 * Variables: event (the type; `type` is CEL's own type() function), data, workspace_id, form_id, test.
 * Payload numbers are CEL doubles, so `data.total > 1000` works as written; arithmetic wants a double
 * literal (`data.total * 1.1`).
 */
import { Environment } from '@marcbachmann/cel-js';

const LIMITS = {
  maxAstNodes: 1000,
  maxDepth: 32,
  maxListElements: 200,
  maxMapEntries: 200,
  maxCallArguments: 8,
};

const env = new Environment({ unlistedVariablesAreDyn: false, enableOptionalTypes: true, limits: LIMITS })
  .registerVariable('event', 'string')
  .registerVariable('data', 'map')
  .registerVariable('workspace_id', 'string')
  .registerVariable('form_id', 'string')
  .registerVariable('test', 'bool');

/** What a condition can see of an event. */
export interface ConditionContext {
  event: string;
  data: Record<string, unknown>;
  workspace_id: string;
  form_id: string;
  test: boolean;
}

export type ConditionProgram = (context: ConditionContext) => ConditionResult;
export type ConditionResult = { matched: true } | { matched: false; reason: string; error?: boolean };

export const firstLine = (err: unknown): string =>
  (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';

/**
 * Parses and type-checks a condition. An empty condition always matches. On failure returns the reason in
 * words a person can act on (the engine wraps it in a ValidationError, the UI shows it inline).
 */
export function parseCondition(
  source: string,
): { ok: true; run: ConditionProgram } | { ok: false; message: string } {
  const text = source.trim();
  if (text === '') return { ok: true, run: () => ({ matched: true }) };
  let program: ReturnType<typeof env.parse>;
  try {
    program = env.parse(text);
  } catch (err) {
    return { ok: false, message: `the condition is not valid CEL: ${firstLine(err)}` };
  }
  const check = program.check();
  if (!check.valid)
    return { ok: false, message: `the condition does not type-check: ${firstLine(check.error)}` };
  if (check.type !== 'bool' && check.type !== 'dyn') {
    return {
      ok: false,
      message: `the condition must be true or false, but it gives a ${check.type} (e.g. write "data.total > 1000")`,
    };
  }
  const run: ConditionProgram = (context) => {
    let result: unknown;
    try {
      result = program(context as unknown as Record<string, unknown>);
    } catch (err) {
      return { matched: false, reason: `condition error: ${firstLine(err)}`, error: true };
    }
    if (result === true) return { matched: true };
    if (result === false) return { matched: false, reason: `condition false: ${text}` };
    return { matched: false, reason: `condition gave ${typeof result}, not true or false`, error: true };
  };
  return { ok: true, run };
}
