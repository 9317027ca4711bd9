/** A small HTTP client for API tests: JSON in and out, a bearer token or a cookie session. */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  token: string | null = null;
  cookies = new Map<string, string>();
  /** 'manual': a redirect is the answer (a browser navigation), not followed. */
  redirect: RequestRedirect = 'follow';

  constructor(readonly baseUrl: string) {}

  withToken(token: string | null): ApiClient {
    const c = new ApiClient(this.baseUrl);
    c.token = token;
    return c;
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const h: Record<string, string> = { accept: 'application/json', ...headers };
    // Bytes (an uploaded file) go as they are, with the content type the caller gives; anything else is JSON.
    const bytes = body instanceof Uint8Array;
    if (body !== undefined && !(bytes && h['content-type'])) h['content-type'] = 'application/json';
    if (this.token) h.authorization = `Bearer ${this.token}`;
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(this.baseUrl + path, { method, headers: h, redirect: this.redirect, body: body === undefined ? undefined : bytes ? new Uint8Array(body) : typeof body === 'string' ? body : JSON.stringify(body) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair.split('=');
      const value = v.join('=');
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(k);
      else this.cookies.set(k, value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
  /** Sends a file as the raw body, of that media type (a Word document to import). */
  upload<T = any>(path: string, file: Uint8Array, mediaType: string) {
    return this.request<T>('POST', path, file, { 'content-type': mediaType });
  }
  patch<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body ?? {}, headers);
  }
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body ?? {}, headers);
  }
}
