import type { Problem, ReasonParams } from '@parley/contracts';

/** A problem the client makes up itself (no server answer to read): no refusal code. */
type ClientProblem = Omit<Problem, 'code' | 'params'> & Partial<Pick<Problem, 'code' | 'params'>>;

export const CSRF_COOKIE = 'parley_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

/** Problem types the client itself produces when there is no server answer to read. */
export const CLIENT_PROBLEM_TYPES = {
  network: 'about:network-error',
  unreadable: 'about:unreadable-response',
} as const;

/** One refused field: where, the code and facts of why, and the API's English. */
export interface FieldError {
  field: string;
  code: string;
  params: ReasonParams;
  message: string;
}

/**
 * An RFC 9457 problem answered by the API (or made up by the client when the network failed),
 * with validation errors indexed by field so forms can show each next to its input.
 */
export class ProblemError extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors: FieldError[];
  /** First message per field, keyed by the server's field path (`title`, `funding.note`, `(body)`). */
  readonly fieldErrors: Record<string, string>;
  /** The reason's stable code and facts, when the API gives them (a translated page keys on these). */
  readonly code: string | null;
  readonly params: ReasonParams;

  constructor(problem: ClientProblem) {
    super(problem.detail || problem.title);
    this.name = 'ProblemError';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.code = problem.code ?? null;
    this.params = problem.params ?? {};
    this.fieldErrors = {};
    for (const e of this.errors) if (!(e.field in this.fieldErrors)) this.fieldErrors[e.field] = e.message;
  }
}

export const isProblem = (e: unknown): e is ProblemError => e instanceof ProblemError;

export function readCookie(name: string, cookies = typeof document === 'undefined' ? '' : document.cookie): string | null {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** A file sent as the raw body (a Word document to import), with the media type the route takes, instead of a JSON body. */
  file?: { data: Blob; type: string };
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function looksLikeProblem(body: unknown): body is ClientProblem {
  return typeof body === 'object' && body !== null && typeof (body as Problem).status === 'number' && typeof (body as Problem).type === 'string';
}

/**
 * Calls the API: JSON in and out, the session cookie sent (same origin), the CSRF token echoed on
 * writes. Resolves with the parsed body (undefined for 204), rejects with a ProblemError.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.file) headers['Content-Type'] = options.file.type;
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers[CSRF_HEADER] = csrf;
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body: options.file ? options.file.data : options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ProblemError({ type: CLIENT_PROBLEM_TYPES.network, title: 'Network error', status: 0, detail: 'The server could not be reached' });
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (res.ok) {
    if (text && body === undefined)
      throw new ProblemError({
        type: CLIENT_PROBLEM_TYPES.unreadable,
        title: 'Unreadable response',
        status: res.status,
        detail: 'The server answered with something that is not JSON',
      });
    return body as T;
  }
  if (looksLikeProblem(body)) throw new ProblemError(body);
  throw new ProblemError({ type: 'about:blank', title: res.statusText || 'Error', status: res.status, detail: res.statusText || `HTTP ${res.status}` });
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
};
