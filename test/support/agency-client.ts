// HTTP clients for the end-to-end suites: the ops side (bearer token) and an
// agency (x-api-key), over plain fetch against a running service. Every call
// returns status + parsed body, so a test asserts on both and a failure
// message can show the answer.

export interface HttpAnswer<T = any> {
  status: number;
  body: T;
  contentType: string;
}

async function call<T>(baseUrl: string, method: string, path: string, headers: Record<string, string>, body?: unknown, rawBody?: string): Promise<HttpAnswer<T>> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T, contentType: res.headers.get('content-type') ?? '' };
}

/** Throws with the answer when the status is not the expected one. */
export function expectStatus<T>(answer: HttpAnswer<T>, status: number, what: string): T {
  if (answer.status !== status) throw new Error(`${what}: expected HTTP ${status}, got ${answer.status}: ${JSON.stringify(answer.body).slice(0, 1000)}`);
  return answer.body;
}

export class OpsClient {
  constructor(readonly baseUrl: string, private readonly token: string) {}

  get<T = any>(path: string): Promise<HttpAnswer<T>> {
    return call<T>(this.baseUrl, 'GET', path, { authorization: `Bearer ${this.token}` });
  }

  post<T = any>(path: string, body: unknown = {}): Promise<HttpAnswer<T>> {
    return call<T>(this.baseUrl, 'POST', path, { authorization: `Bearer ${this.token}` }, body);
  }
}

export interface CreatedAgency {
  id: string;
  name: string;
  apiKey: string;
  signingSecret: string;
}

export async function createAgency(ops: OpsClient, name: string): Promise<CreatedAgency> {
  const body = expectStatus(await ops.post('/v1/agencies', { name }), 201, `create agency ${name}`);
  return { id: body.agency.id, name: body.agency.name, apiKey: body.apiKey.key, signingSecret: body.signingSecret };
}

export interface SubmissionBody {
  externalId: string;
  requisitionId: string;
  candidate: { name: string; email?: string; phone?: string; profileUrl?: string };
  profile: unknown;
}

export class AgencyClient {
  constructor(readonly baseUrl: string, readonly agency: CreatedAgency) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { 'x-api-key': this.agency.apiKey, ...extra };
  }

  submit<T = any>(body: unknown): Promise<HttpAnswer<T>> {
    return call<T>(this.baseUrl, 'POST', '/v1/submissions', this.headers(), body);
  }

  /** NDJSON when `ndjson` is set (an item `{rawLine}` is written as is, e.g. a line that is not JSON), a JSON array otherwise. */
  submitBulk<T = any>(items: unknown[], ndjson = false): Promise<HttpAnswer<T>> {
    if (!ndjson) return call<T>(this.baseUrl, 'POST', '/v1/submissions/bulk', this.headers(), items);
    const text = items.map((i) => (i && typeof i === 'object' && 'rawLine' in i ? String((i as { rawLine: unknown }).rawLine) : JSON.stringify(i))).join('\n');
    return call<T>(this.baseUrl, 'POST', '/v1/submissions/bulk', this.headers({ 'content-type': 'application/x-ndjson' }), undefined, text);
  }

  get<T = any>(submissionId: string): Promise<HttpAnswer<T>> {
    return call<T>(this.baseUrl, 'GET', `/v1/submissions/${submissionId}`, this.headers());
  }
}

/** Runs `fn` over `items` with at most `limit` in flight, keeping the order of results. */
export async function mapLimit<I, O>(items: readonly I[], limit: number, fn: (item: I, index: number) => Promise<O>): Promise<O[]> {
  const results = new Array<O>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as I, i);
    }
  });
  await Promise.all(workers);
  return results;
}
