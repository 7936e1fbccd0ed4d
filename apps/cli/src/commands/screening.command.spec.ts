import { parseJson, runHiring } from '../testing/run-hiring';

jest.setTimeout(30_000);

describe('hiring screen / strong AI Tech Lead (examples/candidate-strong-ai-lead.json)', () => {
  it('advances with every rule reported against the 2026-03 rubric', async () => {
    const run = await runHiring(['screen', 'examples/candidate-strong-ai-lead.json', '--on', '2026-04-01', '--json']);
    expect(run.code).toBe(0);
    const body = parseJson(run);
    expect(body).toMatchObject({ decision: 'advance', rubricId: 'ai-tech-lead-screening', rubricVersion: '2026-03' });
    expect((body['rules'] as unknown[]).length).toBe(12);
  });
});

describe('hiring screen / research-only candidate (examples/candidate-research-only.json)', () => {
  it('is rejected with research-without-production and solo framing raised', async () => {
    const body = parseJson(await runHiring(['screen', 'examples/candidate-research-only.json', '--on', '2026-04-01', '--json']));
    expect(body['decision']).toBe('reject');
    expect((body['summary'] as { redFlagsRaised: string[] }).redFlagsRaised).toEqual([
      'flag.research-without-production',
      'flag.solo-framing',
      'flag.vague-decisions',
    ]);
  });

  it('readable summary marks raised flags', async () => {
    const run = await runHiring(['screen', 'examples/candidate-research-only.json', '--on', '2026-04-01']);
    expect(run.stdout.split('\n')[0]).toBe('REJECT: AI Tech Lead screening, rubric ai-tech-lead-screening@2026-03');
    expect(run.stdout).toContain('  [!] flag.research-without-production');
  });
});

describe('hiring score', () => {
  it('strong AI Tech Lead scores 100 with the breakdown', async () => {
    const body = parseJson(await runHiring(['score', 'examples/candidate-strong-ai-lead.json', '--on', '2026-04-01', '--json']));
    expect(body).toMatchObject({ score: 100, raw: 100, decision: 'advance', breakdown: { technical: { points: 60 }, leadership: { points: 40 } } });
  });

  it('research-only candidate scores 0 (raw -50)', async () => {
    const body = parseJson(await runHiring(['score', 'examples/candidate-research-only.json', '--on', '2026-04-01', '--json']));
    expect(body).toMatchObject({ score: 0, raw: -50 });
  });

  it('strong software Technical Lead is screened with the tech-lead rubric', async () => {
    const body = parseJson(await runHiring(['score', 'examples/candidate-strong-tech-lead.json', '--on', '2026-04-01', '--json']));
    expect(body).toMatchObject({ score: 100, rubricId: 'tech-lead-screening' });
  });
});

describe('hiring screen / bad input', () => {
  it('a profile missing its communication rating: exit 2 naming the field', async () => {
    const run = await runHiring(['screen'], JSON.stringify({ targetRole: 'ai-tech-lead' }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('communicationRating: is required');
  });

  it('a malformed --on date: exit 2', async () => {
    const run = await runHiring(['screen', 'examples/candidate-strong-ai-lead.json', '--on', '01/04/2026']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('hiring screen: --on: "01/04/2026" is not a calendar day (YYYY-MM-DD)\n');
  });

  it('a day before any rubric: exit 3', async () => {
    const run = await runHiring(['screen', 'examples/candidate-strong-ai-lead.json', '--on', '2025-01-01']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('no version is in force on 2025-01-01');
  });
});

describe('hiring screen / rubric 2026-12', () => {
  it('reports a state per rule and the interview kit; the research-only example raises research and solo flags and is rejected', async () => {
    const body = parseJson(await runHiring(['screen', 'examples/candidate-research-only.json', '--on', '2026-12-01', '--json']));
    expect(body).toMatchObject({ decision: 'reject', rubricVersion: '2026-12' });
    const rules = body['rules'] as Array<{ ruleId: string; state: string }>;
    expect(rules.find((r) => r.ruleId === 'flag.research-without-production')?.state).toBe('shown');
    expect((body['interviewKit'] as { ruleIds: string[] }).ruleIds).toContain('tech.shipped-production');
  });

  it('readable output lists the interview kit, depth and leadership alternating', async () => {
    const run = await runHiring(['screen', 'examples/candidate-research-only.json', '--on', '2026-12-01']);
    expect(run.stdout).toContain('interview kit (one interview, depth and leadership alternating):');
    expect(run.stdout).toMatch(/1\. \[tech\.[a-z-]+, [a-z-]+\][^\n]*\n\s+2\. \[lead\./);
  });
});

describe('hiring calibrate', () => {
  it('prints the confusion table of the rubric in force: every labelled profile agrees', async () => {
    const run = await runHiring(['calibrate', '--on', '2026-12-01']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^calibration with ai-tech-lead-screening@2026-12, tech-lead-screening@2026-12: (\d+)\/\1 agree \(100%\)/);
    expect(run.stdout).toContain('expected \\ actual');
    expect(run.stdout).not.toContain('MISS');
  });

  it('against the 2026-03 rubrics the same set shows misses (JSON report)', async () => {
    const body = parseJson(await runHiring(['calibrate', '--on', '2026-04-01', '--json']));
    expect(body['agreement']).toBeLessThan(1);
    expect((body['misses'] as unknown[]).length).toBeGreaterThan(0);
  });
});
