// The monitor's JSON snapshot (GET /v1/pipeline, ops bearer token) for
// `hiring status`. The CLI may not import the monitor app, so the fields it
// reads are declared here, all optional: an older or newer monitor still prints.
import { CliInputError, CliUnavailableError } from '../io/cli-error';

export interface DecisionCountsView {
  total?: number;
  [decision: string]: number | undefined;
}

export interface PipelineSnapshotView {
  generatedAt?: string;
  filter?: { agencyId?: string; requisitionId?: string };
  stages?: {
    sourced?: number;
    screened?: DecisionCountsView;
    scored?: DecisionCountsView;
    offers?: { decided?: number; approved?: number; refused?: number; refusals?: number };
  };
  conversion?: Array<{ from: string; to: string; of: number; reached: number; rate: number | null }>;
  timeInStage?: Array<{ from: string; to: string; count: number; medianMs: number | null; p90Ms: number | null }>;
  deadLetters?: Array<{ topic: string; depth: number; total?: number }>;
  consumerGroups?: Array<{ group: string; state?: string; members?: number; lag: number | null }>;
  broker?: { ok: boolean; checkedAt?: string; error?: string };
}

export interface StatusFilter {
  agencyId?: string;
  requisitionId?: string;
}

export const DEFAULT_OPS_TOKEN = 'local-ops-token-change-me';

export function monitorUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env['MONITOR_URL'] ?? `http://127.0.0.1:${env['MONITOR_PORT'] ?? '3005'}`;
  if (!/^https?:\/\/[^\s/]+/.test(url)) throw new CliInputError(`MONITOR_URL must be an http(s) URL, got ${JSON.stringify(url)}`);
  return url.replace(/\/+$/, '');
}

export async function fetchSnapshot(filter: StatusFilter, timeoutMs: number, env: NodeJS.ProcessEnv = process.env): Promise<PipelineSnapshotView> {
  const query = new URLSearchParams();
  if (filter.agencyId) query.set('agencyId', filter.agencyId);
  if (filter.requisitionId) query.set('requisitionId', filter.requisitionId);
  const url = `${monitorUrl(env)}/v1/pipeline${query.size > 0 ? `?${query.toString()}` : ''}`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${env['OPS_TOKEN'] ?? DEFAULT_OPS_TOKEN}` }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error instanceof Error ? error.message : String(error));
    throw new CliUnavailableError(`the monitor did not answer at ${monitorUrl(env)} (${cause}); is it running? (npm run status; MONITOR_URL or MONITOR_PORT)`);
  }
  const body = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (res.status === 401) throw new CliInputError('the monitor refused the ops token: set OPS_TOKEN to its token');
  if (res.status === 400) throw new CliInputError(`the monitor refused the filter: ${String(body?.['detail'] ?? body?.['title'] ?? 'bad request')}`);
  if (!res.ok || !body) throw new CliUnavailableError(`the monitor answered ${res.status} at ${url}`);
  return body as PipelineSnapshotView;
}
