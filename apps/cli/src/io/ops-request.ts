// Ops calls to a running service's HTTP API with the ops token: one place for
// the token, the timeout and how failures map to exit codes (2: refused input
// or token, 4: the service did not answer).
import { CliInputError, CliUnavailableError } from './cli-error';

export interface OpsService {
  name: string;
  /** Variable naming the service URL, e.g. SOURCING_URL. */
  urlVariable: string;
  portVariable: string;
  defaultPort: number;
}

export const SOURCING: OpsService = { name: 'sourcing', urlVariable: 'SOURCING_URL', portVariable: 'SOURCING_PORT', defaultPort: 3001 };
export const SCREENING: OpsService = { name: 'screening', urlVariable: 'SCREENING_URL', portVariable: 'SCREENING_PORT', defaultPort: 3002 };
export const SCORING: OpsService = { name: 'scoring', urlVariable: 'SCORING_URL', portVariable: 'SCORING_PORT', defaultPort: 3003 };
export const OFFER: OpsService = { name: 'offer', urlVariable: 'OFFER_URL', portVariable: 'OFFER_PORT', defaultPort: 3004 };
export const MONITOR: OpsService = { name: 'monitor', urlVariable: 'MONITOR_URL', portVariable: 'MONITOR_PORT', defaultPort: 3005 };
/** Every service of the pipeline, in pipeline order (each has an outbox: the outbox commands ask them all). */
export const ALL_SERVICES: readonly OpsService[] = [SOURCING, SCREENING, SCORING, OFFER, MONITOR];

export function serviceUrl(service: OpsService, env: NodeJS.ProcessEnv = process.env): string {
  const url = env[service.urlVariable] ?? `http://127.0.0.1:${env[service.portVariable] ?? String(service.defaultPort)}`;
  if (!/^https?:\/\/[^\s/]+/.test(url)) throw new CliInputError(`${service.urlVariable} must be an http(s) URL, got ${JSON.stringify(url)}`);
  return url.replace(/\/+$/, '');
}

/** The service answered with an error status (refused input, or an unknown id: 404). */
export class OpsAnswerError extends CliInputError {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export async function opsRequest<T>(service: OpsService, method: 'GET' | 'POST', path: string, body?: unknown, timeoutMs = 30_000): Promise<T> {
  const url = `${serviceUrl(service)}${path}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${process.env['OPS_TOKEN'] ?? 'local-ops-token-change-me'}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new CliUnavailableError(`the ${service.name} service did not answer at ${url} (${error instanceof Error ? error.message : String(error)}); is it running? (${service.urlVariable})`);
  }
  const answer = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.status === 401) throw new CliInputError(`the ${service.name} service refused the ops token: set OPS_TOKEN to its token`);
  if (!res.ok) {
    const code = typeof answer['code'] === 'string' ? `${answer['code']}: ` : '';
    const errors = Array.isArray(answer['errors']) ? (answer['errors'] as Array<{ path?: string; message?: string }>).map((e) => `\n  ${e.path ?? ''}: ${e.message ?? ''}`).join('') : '';
    throw new OpsAnswerError(`the ${service.name} service answered ${res.status}: ${code}${String(answer['detail'] ?? answer['title'] ?? res.statusText)}${errors}`, res.status);
  }
  return answer as T;
}
