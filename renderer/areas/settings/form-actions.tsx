/** Save and discard buttons under a settings form; Save is enabled only when something changed. */
export function FormActions(props: { dirty: boolean; saving: boolean; saveLabel: string; onReset(): void }) {
  return (
    <div className="form-actions">
      <button type="submit" className="button button-primary" disabled={!props.dirty || props.saving}>
        {props.saveLabel}
      </button>
      {props.dirty && (
        <button type="button" className="button button-quiet" onClick={props.onReset}>
          Discard changes
        </button>
      )}
    </div>
  );
}
