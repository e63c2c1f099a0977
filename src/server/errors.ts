/**
 * Typed HTTP API errors; every error response body is `{error: {code, message, field?}}` with one
 * of our codes — fastify's own (`FST_ERR_*`) never reach a client.
 */
import type { FastifyError } from 'fastify';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** the request field at fault (`plan`, `id`), when one is */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The JSON body of an error response. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/** Builds the `{error: {code, message, field?}}` body. */
export function errorBody(code: string, message: string, field?: string): ErrorBody {
  return { error: { code, message, ...(field !== undefined ? { field } : {}) } };
}

/** Response schema of an error body (fastify serialises only the properties listed). */
export const ERROR_SCHEMA = {
  type: 'object',
  properties: {
    error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } } },
  },
} as const;

/** fastify's body-parsing errors → our status and code */
const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON', 'the body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'INVALID_JSON', 'the body is empty; send a JSON object'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as Content-Type: application/json'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE', 'the body is larger than this API accepts'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'BAD_REQUEST', 'Content-Length does not match the body'],
};

/** Our code for an HTTP status when fastify or node gives none we know. */
const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'REQUEST_TIMEOUT',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

interface AjvIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A schema failure as an ApiError naming the field: `body.plan is required`. */
function validationError(issues: readonly AjvIssue[], context: string): ApiError {
  const e = issues[0];
  if (e === undefined) return new ApiError(400, 'INVALID_REQUEST', `${context} is invalid`);
  const path = e.instancePath.split('/').filter((s) => s !== '');
  const extra = e.params.missingProperty ?? e.params.additionalProperty;
  if (typeof extra === 'string') path.push(extra);
  const field = path.length > 0 ? path.join('.') : undefined;
  const where = field !== undefined ? `${context}.${field}` : context;
  let what: string;
  if (e.keyword === 'required') what = 'is required';
  else if (e.keyword === 'additionalProperties') what = 'is not a field this request takes';
  else if (e.keyword === 'enum' && Array.isArray(e.params.allowedValues)) what = `must be one of ${e.params.allowedValues.join(', ')}`;
  else what = e.message ?? 'is invalid';
  return new ApiError(400, 'INVALID_REQUEST', `${where} ${what}`, field);
}

/** Any error thrown while handling a request, as the ApiError the client gets (500s say nothing more). */
export function toApiError(err: FastifyError | ApiError): ApiError {
  if (err instanceof ApiError) return err;
  if (err.validation) return validationError(err.validation as AjvIssue[], err.validationContext ?? 'request');
  const known = FASTIFY_CODES[err.code];
  if (known !== undefined) return new ApiError(known[0], known[1], known[2]);
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) return new ApiError(status, STATUS_CODES[status] ?? 'BAD_REQUEST', 'the request was refused');
  return new ApiError(500, 'INTERNAL', 'internal error');
}

/** The raw HTTP response for a request node's parser or timers gave up on (sent before the socket closes). */
export function clientErrorResponse(nodeCode: string | undefined): string {
  const [status, code, message] =
    nodeCode === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'REQUEST_TIMEOUT', 'the request was not received in time']
      : nodeCode === 'HPE_HEADER_OVERFLOW'
        ? [431, 'HEADERS_TOO_LARGE', 'the request headers are too large']
        : [400, 'BAD_REQUEST', 'malformed HTTP request'];
  const body = JSON.stringify(errorBody(code, message));
  const reason = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }[status];
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}
