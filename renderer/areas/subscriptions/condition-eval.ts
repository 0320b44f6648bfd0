/**
 * The condition preview: the engine's own condition language (shared/condition.ts: same CEL library,
 * variables and limits), run in the page against an event type's sample so people see the outcome while
 * they type. The engine still checks the condition again when the subscription is saved.
 */
import { type ConditionContext, parseCondition } from '../../../shared/condition.js';

export type SampleContext = ConditionContext;

export type ConditionOutcome =
  | { kind: 'always' }
  | { kind: 'invalid'; message: string }
  | { kind: 'matched' }
  | { kind: 'not-matched'; message: string }
  | { kind: 'error'; message: string };

export function previewCondition(source: string, sample: SampleContext): ConditionOutcome {
  if (source.trim() === '') return { kind: 'always' };
  const parsed = parseCondition(source);
  if (!parsed.ok) return { kind: 'invalid', message: parsed.message.replace(/^the condition /, '') };
  const result = parsed.run(sample);
  if (result.matched) return { kind: 'matched' };
  if (result.error) return { kind: 'error', message: result.reason.replace(/^condition (error: )?/, '') };
  return { kind: 'not-matched', message: 'false for this sample' };
}
