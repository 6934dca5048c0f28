import type { ReactNode } from 'react';
import type { ApiError } from '../../../../main/api/contract';
import { ERROR_TITLES } from '../../api/errors';
import type { FieldIssues } from '../../domain/interventions';
import { plural } from '../../format/format';

/**
 * Why the form was not saved, above its buttons: how many fields to fix (each says why beside
 * it), anything not about one field, or the core's refusal. Focus comes here when no field is to
 * blame. `children`, when given, replaces the core's message with a way forward (a conflict).
 */
export function FormProblem({
  what,
  issues,
  other,
  error,
  children,
}: {
  /** What was being saved: "the plan", "the check-in". */
  what: string;
  issues: FieldIssues;
  other: string[];
  error: ApiError | null;
  children?: ReactNode;
}) {
  const fieldCount = Object.values(issues).filter(Boolean).length;
  const fieldProblem = fieldCount > 0 || (error?.code === 'invalid_input' && other.length > 0);
  if (!fieldProblem && !error && other.length === 0) return null;
  return (
    <div className="form-problem" tabIndex={-1} role={fieldCount > 0 ? undefined : 'alert'}>
      <p className="form-problem-title">
        {error && !fieldProblem ? `${ERROR_TITLES[error.code]}: ` : ''}
        {capitalize(what)} {error ? 'was not saved' : 'is not saved yet'}.
        {fieldCount > 0 && ` Fix the ${plural(fieldCount, 'field')} marked below.`}
      </p>
      {error && !fieldProblem && !children && <p>{error.message}</p>}
      {other.length > 0 && (
        <ul>
          {other.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
