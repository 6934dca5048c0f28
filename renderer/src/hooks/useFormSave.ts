import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ApiError } from '../../../main/api/contract';
import { toApiError } from '../api/errors';
import { issuesFromError, type Checked, type FieldIssues } from '../domain/interventions';

export interface FormSave {
  saving: boolean;
  /** Messages for the form's own fields, by field name. */
  issues: FieldIssues;
  /** Problems not about one of the form's fields (a refusal, a conflict, the service down). */
  other: string[];
  error: ApiError | null;
  /** Checks, sends and reports; resolves true once saved. What was typed stays either way. */
  submit: <T>(checked: Checked<T>, save: (input: T) => Promise<void>) => Promise<boolean>;
  formRef: RefObject<HTMLFormElement | null>;
}

/**
 * The life of a form that is checked before sending and may still be refused by the core. After a
 * failed attempt focus goes to the first field marked invalid, or else to the form's problem
 * summary (`.form-problem`), so keyboard and screen-reader users land on what to fix.
 */
export function useFormSave(fields: readonly string[]): FormSave {
  const [saving, setSaving] = useState(false);
  const [issues, setIssues] = useState<FieldIssues>({});
  const [other, setOther] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-problem')?.focus();
  }, [attempt]);

  const refuse = (byField: FieldIssues, rest: string[], err: ApiError | null) => {
    setIssues(byField);
    setOther(rest);
    setError(err);
    setAttempt((n) => n + 1);
  };

  const submit = async <T>(checked: Checked<T>, save: (input: T) => Promise<void>) => {
    if (!checked.ok) {
      const byField: FieldIssues = {};
      const rest: string[] = [];
      for (const [field, message] of Object.entries(checked.issues)) {
        if (!message) continue;
        if (fields.includes(field)) byField[field] = message;
        else rest.push(message);
      }
      refuse(byField, rest, null);
      return false;
    }
    setSaving(true);
    try {
      await save(checked.input);
      setIssues({});
      setOther([]);
      setError(null);
      return true;
    } catch (err) {
      const apiError = toApiError(err);
      const { byField, other: rest } = issuesFromError(apiError, fields);
      refuse(byField, rest, apiError);
      return false;
    } finally {
      setSaving(false);
    }
  };

  return { saving, issues, other, error, submit, formRef };
}
