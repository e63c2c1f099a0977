/** Typed HTTP API errors; every error response body is `{error: {code, message}}`. */

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The JSON body of an error response. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/** Builds the `{error: {code, message}}` body. */
export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}
