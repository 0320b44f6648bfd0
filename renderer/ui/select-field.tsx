/** A labelled <select> or <textarea> with help and inline error, wired like Field (aria-describedby). */
import { type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from 'react';
import './controls.css';

interface Common {
  label: string;
  help?: ReactNode;
  error?: string;
}

function describedBy(id: string, error?: string, help?: ReactNode): string | undefined {
  return (
    [error ? `${id}-error` : undefined, help ? `${id}-help` : undefined].filter(Boolean).join(' ') ||
    undefined
  );
}

function Notes({ id, error, help }: { id: string; error?: string; help?: ReactNode }) {
  return (
    <>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {help && (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      )}
    </>
  );
}

export function SelectField({
  label,
  help,
  error,
  children,
  ...select
}: Common & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  const id = useId();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="control"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, help)}
        {...select}
      >
        {children}
      </select>
      <Notes id={id} error={error} help={help} />
    </div>
  );
}

export function TextAreaField({
  label,
  help,
  error,
  ...area
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  const id = useId();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="control"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, help)}
        {...area}
      />
      <Notes id={id} error={error} help={help} />
    </div>
  );
}
