// A small JSON-over-HTTP client for the seeder: every request has a deadline,
// and a failure says which service, which URL and what came back (problem+json
// detail and field errors), instead of a bare "fetch failed".
import { SeedError } from './seed-config';

const REQUEST_TIMEOUT_MS = 10_000;

export interface HttpAnswer<T> {
  status: number;
  body: T;
}

interface Problem {
  title?: string;
  detail?: string;
  errors?: Array<{ path: string; message: string }>;
}

export class ServiceClient {
  constructor(
    readonly service: string,
    readonly baseUrl: string,
    private readonly portVariable: string,
  ) {}

  /** Sends a request; a status outside `expected` is a SeedError with the problem's detail. */
  async request<T>(method: string, path: string, options: { headers?: Record<string, string>; body?: unknown; expected?: number[] } = {}): Promise<HttpAnswer<T>> {
    const url = `${this.baseUrl}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { accept: 'application/json', ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new SeedError(
        `${this.service} is not reachable at ${url} (${why}). Is it running? bash deploy/local/services.sh status (port from ${this.portVariable})`,
      );
    }
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON: keep the text for the error message
    }
    const expected = options.expected ?? [200, 201, 202];
    if (!expected.includes(response.status)) {
      const p = (typeof body === 'object' && body !== null ? body : {}) as Problem;
      const fields = (p.errors ?? []).slice(0, 5).map((e) => `\n    ${e.path}: ${e.message}`).join('');
      throw new SeedError(`${method} ${url} answered ${response.status} ${p.title ?? ''}: ${p.detail ?? (typeof body === 'string' ? body.slice(0, 300) : '')}${fields}`);
    }
    return { status: response.status, body: body as T };
  }
}
