/**
 * The inbox's multi-select (the checkboxes), apart from the keyboard cursor: which captures are checked,
 * and the row a shift-click range starts from.
 */
import type { CaptureSummary } from '../../shared/contract/index.js';

export interface CheckedState {
  checked: string[];
  /** The last row checked or unchecked by hand; a shift-click spans from here. */
  anchorId?: string;
}

/** Toggles one row, or with `range` sets every row from the anchor to it to the anchor's new state. */
export function toggleChecked(
  state: CheckedState,
  captures: readonly CaptureSummary[],
  id: string,
  range = false,
): CheckedState {
  const from = range && state.anchorId ? captures.findIndex((c) => c.id === state.anchorId) : -1;
  const to = captures.findIndex((c) => c.id === id);
  const on = !state.checked.includes(id);
  if (from === -1 || to === -1) {
    return { checked: on ? [...state.checked, id] : state.checked.filter((c) => c !== id), anchorId: id };
  }
  const span = captures.slice(Math.min(from, to), Math.max(from, to) + 1).map((c) => c.id);
  const rest = state.checked.filter((c) => !span.includes(c));
  return { checked: on ? [...rest, ...span] : rest, anchorId: id };
}
