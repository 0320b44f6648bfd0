/** Subscription conditions on dispatched events; the language and its limits live in shared/condition.ts. */
import { type ConditionContext, parseCondition } from '../../../shared/condition.js';
import type { DispatchEvent } from '../../../shared/contract/dispatcher-model.js';
import { ValidationError } from '../../../shared/errors.js';

export type CompiledCondition = (
  event: DispatchEvent,
) => { matched: true } | { matched: false; reason: string };

/** Parses and type-checks; throws a ValidationError saying what is wrong. An empty condition always matches. */
export function compileCondition(source: string): CompiledCondition {
  const parsed = parseCondition(source);
  if (!parsed.ok) throw new ValidationError(parsed.message, [{ path: 'condition', message: parsed.message }]);
  return (event) => {
    const result = parsed.run(contextOf(event));
    return result.matched ? result : { matched: false, reason: result.reason };
  };
}

function contextOf(event: DispatchEvent): ConditionContext {
  return {
    event: event.type,
    data: event.data as Record<string, unknown>,
    workspace_id: event.workspaceId,
    form_id: event.formId ?? '',
    test: event.test,
  };
}
