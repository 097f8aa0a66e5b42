import type { ErrorCode } from '../../shared/errors.js';
import type { FieldError, Problem } from '../../shared/problem.js';

const BASE = '/api/v1';

/** A failed API call: the server's problem+json when it sent one, else a message of our own. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  /** How long the server asks us to wait before trying again (Retry-After), when it says. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, problem: Problem | null, message: string, retryAfterSeconds: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get code(): ErrorCode | null {
    return this.problem?.code ?? null;
  }

  /** Per-field errors of invalid input (`names.fr`, `joinedOn`…), sent in the body. */
  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }
}

export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);

/** Retry-After in seconds: either a number of seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'code' in body && 'detail' in body && 'status' in body;
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A body sent as it is (a file's text) with this type, instead of JSON: `text/csv`. */
  contentType?: string;
  /** The version the change is based on; the server answers 409 when it is no longer current. */
  ifMatch?: number;
  signal?: AbortSignal;
}

/**
 * Calls the API on our own origin. The session cookie rides along (same-origin only), and the
 * browser's own Sec-Fetch-Site header is what lets the server accept the write.
 */
export async function api<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const raw = request.contentType !== undefined && typeof request.body === 'string';
  if (request.body !== undefined) headers['content-type'] = raw ? (request.contentType as string) : 'application/json';
  if (request.ifMatch !== undefined) headers['if-match'] = `"${request.ifMatch}"`;

  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : raw ? (request.body as string) : JSON.stringify(request.body),
      credentials: 'same-origin',
      signal: request.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, null, 'The server could not be reached. Check your connection and try again.');
  }

  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as T;
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  if (isProblem(body)) throw new ApiError(response.status, body, body.detail, retryAfter);
  throw new ApiError(
    response.status,
    null,
    `The server answered ${response.status} ${response.statusText}.`,
    retryAfter,
  );
}

/** Encodes a value for a path segment or a query string value. */
export const q = encodeURIComponent;
