/**
 * The one error type every host returns. Kept free of zod so the renderer can construct it
 * without bundling the validators; re-exported by contract.ts.
 */
export const API_ERROR_CODES = [
  'unknown_method',
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  /** The record changed since the caller read it; nothing was written. */
  'conflict',
  'unavailable',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  issues?: { path: string; message: string }[];
}

/** The one error type every host returns; `message` is written for the person reading it. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON(): ApiErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }

  static fromJSON(body: unknown): ApiError {
    const b = body as Partial<ApiErrorBody> | null;
    const code = API_ERROR_CODES.includes(b?.code as ApiErrorCode)
      ? (b!.code as ApiErrorCode)
      : 'internal';
    return new ApiError(
      code,
      typeof b?.message === 'string' ? b.message : 'Something went wrong.',
      b?.issues,
    );
  }
}
