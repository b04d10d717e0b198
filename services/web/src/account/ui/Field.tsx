import type { ReactNode } from 'react';

/** A DOM id for a control named by its request-body path (`members[1].idNumber` → `f-members-1-idNumber`). */
export function controlId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
}

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
}

interface FieldProps {
  path: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/**
 * A labelled control with its hint and its problem in words, tied together for
 * screen readers (label for, aria-describedby, aria-invalid); native controls,
 * so they grow with the reader's text size.
 */
export function Field({ path, label, hint, error, required, children }: FieldProps) {
  const id = controlId(path);
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'acc-field acc-field-invalid' : 'acc-field'}>
      <label className="acc-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': described, 'aria-required': required || undefined })}
      {hint && (
        <p className="acc-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="acc-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
