import { useState } from 'react';
import type { ApiError } from '../../../main/api/contract';
import type { Input } from '../api/types';
import { feedbackConfirmation } from '../domain/risk';
import { toApiError } from '../stores/request';
import { sendRiskFeedback } from '../stores/risk/riskFeedback';

export type FeedbackInput = Omit<Input<'risk.feedback'>, 'studentId'>;

export type FeedbackState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; message: string; verdict: FeedbackInput['verdict'] }
  | { status: 'error'; error: ApiError };

/**
 * Sends one kind of feedback about a student (a verdict on the score or a flag, or an override)
 * and remembers how it went, for the confirmation or the error beside the buttons.
 */
export function useRiskFeedback(studentId: string): {
  state: FeedbackState;
  send: (input: FeedbackInput) => Promise<boolean>;
} {
  const [state, setState] = useState<FeedbackState>({ status: 'idle' });
  const send = async (input: FeedbackInput): Promise<boolean> => {
    setState({ status: 'saving' });
    try {
      await sendRiskFeedback({ ...input, studentId });
      setState({
        status: 'saved',
        verdict: input.verdict,
        message: feedbackConfirmation(input.target, input.verdict, input.overrideTier ?? null),
      });
      return true;
    } catch (err) {
      setState({ status: 'error', error: toApiError(err) });
      return false;
    }
  };
  return { state, send };
}
