import { useId, type ReactNode } from 'react';

/** What a field gives its control: the id its label points at, and its state for screen readers. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

function joinIds(...ids: (string | false | null | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

function fieldClass(error: string | undefined, extra?: string): string {
  return ['field', error ? 'field-invalid' : '', extra ?? ''].filter(Boolean).join(' ');
}

/**
 * A labelled control with its hint and, when a save was refused, the reason under the label. The
 * control is marked invalid and described by the reason and the hint, so a screen reader reads
 * them with the field.
 */
export function FormField({
  label,
  hint,
  error,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  return (
    <div className={fieldClass(error, className)}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': joinIds(error ? errorId : null, hint ? hintId : null),
      })}
    </div>
  );
}

export interface Choice<T extends string | number> {
  value: T;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown before the label and hidden from screen readers (the label says it in words). */
  icon?: string;
}

/** One answer out of a few, as radio buttons in a fieldset whose legend is the question. */
export function ChoiceGroup<T extends string | number>({
  legend,
  hint,
  error,
  choices,
  value,
  onChange,
  inline = false,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  choices: Choice<T>[];
  /** '' while nothing is chosen. */
  value: T | '';
  onChange: (value: T) => void;
  inline?: boolean;
}) {
  const name = useId();
  const hintId = useId();
  const errorId = useId();
  const optionHintId = (i: number) => `${name}-hint-${i}`;
  return (
    <fieldset
      className={fieldClass(error, `choice-group${inline ? ' choice-group-inline' : ''}`)}
      aria-describedby={joinIds(error ? errorId : null, hint ? hintId : null)}
    >
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <div className="choices">
        {choices.map((choice, i) => (
          <div className="choice" key={String(choice.value)}>
            <input
              type="radio"
              id={`${name}-${i}`}
              name={name}
              checked={value === choice.value}
              aria-invalid={error ? true : undefined}
              aria-describedby={choice.hint ? optionHintId(i) : undefined}
              onChange={() => onChange(choice.value)}
            />
            <label htmlFor={`${name}-${i}`}>
              {choice.icon && (
                <span className="choice-icon" aria-hidden="true">
                  {choice.icon}
                </span>
              )}
              {choice.label}
            </label>
            {choice.hint && (
              <p id={optionHintId(i)} className="field-hint choice-hint">
                {choice.hint}
              </p>
            )}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
