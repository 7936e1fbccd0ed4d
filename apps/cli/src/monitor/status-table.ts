// `hiring status` as text: the monitor's snapshot as a few aligned tables a
// terminal shows at once. Pure: snapshot in, lines out.
import type { DecisionCountsView, PipelineSnapshotView } from './monitor-client';

const KNOWN_DECISIONS = ['advance', 'review', 'needs-interview', 'reject'];

/** 950 -> "950ms", 90_000 -> "1.5m", 5_400_000 -> "1.5h", 2 days -> "2.0d". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '-';
  const abs = Math.abs(ms);
  if (abs < 1000) return `${Math.round(ms)}ms`;
  if (abs < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  if (abs < 3_600_000) return `${(ms / 60_000).toFixed(1)}m`;
  if (abs < 86_400_000) return `${(ms / 3_600_000).toFixed(1)}h`;
  return `${(ms / 86_400_000).toFixed(1)}d`;
}

/** Rows of cells, left-aligned first column, right-aligned numbers. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** Known decisions in rubric order, then any the CLI does not know yet (a new rubric may add one). */
function decisions(counts: DecisionCountsView | undefined): string {
  if (!counts) return '';
  const keys = Object.keys(counts).filter((k) => k !== 'total');
  const ordered = [...KNOWN_DECISIONS.filter((k) => keys.includes(k)), ...keys.filter((k) => !KNOWN_DECISIONS.includes(k)).sort()];
  return ordered.map((k) => `${k} ${counts[k] ?? 0}`).join(' · ');
}

function percent(rate: number | null): string {
  return rate === null ? '-' : `${Math.round(rate * 100)}%`;
}

export function renderStatus(s: PipelineSnapshotView, source: string): string {
  const filter = [s.filter?.agencyId ? `agency ${s.filter.agencyId}` : '', s.filter?.requisitionId ? `requisition ${s.filter.requisitionId}` : '']
    .filter(Boolean)
    .join(', ');
  const out = [`pipeline${filter ? ` (${filter})` : ''} at ${s.generatedAt ?? '?'} from ${source}`, ''];

  const offers = s.stages?.offers;
  out.push(
    ...table(
      ['stage', 'candidates', 'by decision'],
      [
        ['sourced', String(s.stages?.sourced ?? 0), ''],
        ['screened', String(s.stages?.screened?.total ?? 0), decisions(s.stages?.screened)],
        ['scored', String(s.stages?.scored?.total ?? 0), decisions(s.stages?.scored)],
        ['offer decided', String(offers?.decided ?? 0), offers ? `approved ${offers.approved ?? 0} · refused ${offers.refused ?? 0} (refusals ${offers.refusals ?? 0})` : ''],
      ],
    ),
  );

  if (s.conversion && s.conversion.length > 0) {
    out.push('', ...table(['conversion', 'of', 'reached', 'rate'], s.conversion.map((c) => [`${c.from} -> ${c.to}`, String(c.of), String(c.reached), percent(c.rate)])));
  }
  if (s.timeInStage && s.timeInStage.length > 0) {
    out.push('', ...table(['time in stage', 'measured', 'median', 'p90'], s.timeInStage.map((t) => [`${t.from} -> ${t.to}`, String(t.count), formatDuration(t.medianMs), formatDuration(t.p90Ms)])));
  }

  out.push('');
  if (s.broker && !s.broker.ok) {
    out.push(`Kafka NOT ANSWERING the monitor (${s.broker.error ?? 'no detail'}); lag and dead letters below are the last read, at ${s.broker.checkedAt ?? '?'}`);
  }
  const groups = s.consumerGroups ?? [];
  if (groups.length > 0) {
    out.push(...table(['consumer group', 'state', 'members', 'lag'], groups.map((g) => [g.group, g.state ?? '?', String(g.members ?? '?'), g.lag === null ? '-' : String(g.lag)])));
  }
  const waiting = (s.deadLetters ?? []).filter((d) => d.depth > 0);
  out.push(
    '',
    waiting.length === 0
      ? 'dead letters: none waiting'
      : `dead letters waiting: ${waiting.map((d) => `${d.topic} ${d.depth}`).join(', ')}  (hiring dlq list <topic>)`,
  );
  return out.join('\n');
}
