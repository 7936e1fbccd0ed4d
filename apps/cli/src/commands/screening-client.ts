// The CLI's one way to call the running screening service's ops routes:
// where it is (SCREENING_URL), the ops token, and what each failure means to
// the user (not running, wrong token, a refusal with its reason).
import { CliInputError, CliUnavailableError } from '../io/cli-error';

export function screeningUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env['SCREENING_URL'] ?? `http://127.0.0.1:${env['SCREENING_PORT'] ?? '3002'}`;
  if (!/^https?:\/\/[^\s/]+/.test(url)) throw new CliInputError(`SCREENING_URL must be an http(s) URL, got ${JSON.stringify(url)}`);
  return url.replace(/\/+$/, '');
}

/** POSTs `body` to `path`; returns the JSON answer of a 2xx, throws a CLI error naming the service's reason otherwise. */
export async function postToScreening<T>(path: string, body: unknown, timeoutMs: number): Promise<T> {
  const url = `${screeningUrl()}${path}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${process.env['OPS_TOKEN'] ?? 'local-ops-token-change-me'}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new CliUnavailableError(`the screening service did not answer at ${url} (${error instanceof Error ? error.message : String(error)}); is it running? (SCREENING_URL)`);
  }
  const answer = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.status === 401) throw new CliInputError(`the screening service refused the ops token: set OPS_TOKEN to its token`);
  if (!res.ok) {
    const code = typeof answer['code'] === 'string' ? `${answer['code']}: ` : '';
    const errors = Array.isArray(answer['errors']) ? (answer['errors'] as Array<{ path?: string; message?: string }>).map((e) => `\n  ${e.path ?? ''}: ${e.message ?? ''}`).join('') : '';
    throw new CliInputError(`the screening service answered ${res.status}: ${code}${String(answer['detail'] ?? answer['title'] ?? res.statusText)}${errors}`);
  }
  return answer as T;
}
