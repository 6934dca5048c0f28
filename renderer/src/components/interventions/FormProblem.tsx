import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../main/api/contract';
import { ERROR_TITLES } from '../../api/errors';
import type { FieldIssues } from '../../domain/interventions';
import { formatCount } from '../../format/format';

/** What a form saves, for the sentence that says it was not saved. */
export type FormSubject = 'plan' | 'checkIn' | 'outcome';

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
  /** What was being saved: the plan, the check-in, the outcome. */
  what: FormSubject;
  issues: FieldIssues;
  other: string[];
  error: ApiError | null;
  children?: ReactNode;
}) {
  const { t } = useTranslation('interventions');
  const fieldCount = Object.values(issues).filter(Boolean).length;
  const fieldProblem = fieldCount > 0 || (error?.code === 'invalid_input' && other.length > 0);
  if (!fieldProblem && !error && other.length === 0) return null;
  const sentence = error ? t(`formProblem.notSaved.${what}`) : t(`formProblem.notSavedYet.${what}`);
  return (
    <div className="form-problem" tabIndex={-1} role={fieldCount > 0 ? undefined : 'alert'}>
      <p className="form-problem-title">
        {error && !fieldProblem
          ? t('formProblem.titled', { title: ERROR_TITLES[error.code], sentence })
          : sentence}
        {fieldCount > 0 &&
          ` ${t('formProblem.fix', { count: fieldCount, fields: formatCount(fieldCount) })}`}
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
