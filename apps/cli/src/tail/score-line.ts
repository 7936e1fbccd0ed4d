// One record of recruiting.candidate-scored.v1 as one line for `hiring tail
// scores`. Pure and tolerant: a decision or role this CLI does not know yet is
// printed as it is; a tombstone (erasure) is a line of its own; a record that
// is not a scored event is reported, not fatal.

export interface ScoreLine {
  partition: number;
  offset: string;
  candidateId: string;
  erased?: true;
  agencyId?: string;
  requisitionId?: string;
  role?: string;
  score?: number;
  decision?: string;
  scoredAt?: string;
}

export type ParsedScore = { ok: true; line: ScoreLine } | { ok: false; reason: string };

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function parseScoreRecord(partition: number, offset: string, key: Buffer | null, value: Buffer | null): ParsedScore {
  const keyText = key?.toString('utf8');
  if (value === null) {
    if (!keyText) return { ok: false, reason: 'tombstone without a key' };
    return { ok: true, line: { partition, offset, candidateId: keyText, erased: true } };
  }
  let event: unknown;
  try {
    event = JSON.parse(value.toString('utf8'));
  } catch {
    return { ok: false, reason: 'value is not JSON' };
  }
  const data = (event as { data?: unknown } | null)?.data;
  if (typeof data !== 'object' || data === null) return { ok: false, reason: 'no data object (not a CloudEvent)' };
  const d = data as Record<string, unknown>;
  const candidateId = text(d['candidateId']) ?? keyText;
  if (!candidateId) return { ok: false, reason: 'no candidateId' };
  const score = typeof d['score'] === 'number' && Number.isFinite(d['score']) ? d['score'] : undefined;
  const line: ScoreLine = { partition, offset, candidateId };
  const fields = { agencyId: text(d['agencyId']), requisitionId: text(d['requisitionId']), role: text(d['role']), decision: text(d['decision']), scoredAt: text(d['scoredAt']) };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) (line as unknown as Record<string, unknown>)[k] = v;
  if (score !== undefined) line.score = score;
  return { ok: true, line };
}

/** `2026-03-02T09:15:00Z  cand-1  req-ml-lead  ai-tech-lead  score  72  advance` */
export function formatScoreLine(line: ScoreLine): string {
  if (line.erased) return `${'-'.padEnd(24)}  ${line.candidateId}  erased (tombstone)`;
  const score = line.score === undefined ? '?' : String(Math.round(line.score * 10) / 10);
  return [
    (line.scoredAt ?? '-').padEnd(24),
    line.candidateId,
    line.requisitionId ?? '?',
    line.role ?? '?',
    `score ${score.padStart(3)}`,
    line.decision ?? '?',
  ].join('  ');
}
