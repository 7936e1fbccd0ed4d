import { parseJson, runHiring } from '../testing/run-hiring';

jest.setTimeout(30_000);

describe('hiring role advise / example requisitions', () => {
  it('AI-first product: AI Tech Lead, with the four signals and the rules version', async () => {
    const run = await runHiring(['role', 'advise', 'examples/requisition-ai-first.json', '--json']);
    expect(run.code).toBe(0);
    const body = parseJson(run);
    expect(body).toMatchObject({ role: 'ai-tech-lead', rulesVersion: '2026-03' });
    expect((body['signals'] as { id: string; met: boolean }[]).map((s) => s.met)).toEqual([false, false, false, false]);
    expect(body['reasons']).toEqual(['the product is AI-first: AI-first companies need the AI Tech Lead (advisor rules 2026-03)']);
  });

  it('two signals: AI Tech Lead', async () => {
    const body = parseJson(await runHiring(['role', 'advise', 'examples/requisition-two-signals.json', '--json']));
    expect(body['role']).toBe('ai-tech-lead');
    expect((body['signals'] as { id: string; met: boolean }[]).filter((s) => s.met).map((s) => s.id)).toEqual([
      'role.ml-team-without-architecture-owner',
      'role.production-ml-debt',
    ]);
  });

  it('software-first: general Technical Lead, readable summary', async () => {
    const run = await runHiring(['role', 'advise', 'examples/requisition-software-first.json']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Technical Lead (advisor rules 2026-03)');
  });

  it('a missing signal: exit 2 naming it', async () => {
    const run = await runHiring(['role', 'advise'], JSON.stringify({ mlTeamSize: 3 }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('mlArchitectureOwned: is required');
  });
});

describe('hiring promotion advise', () => {
  it('no explicit interest: hire externally, no trial months', async () => {
    const body = parseJson(await runHiring(['promotion', 'advise', 'examples/promotion-no-interest.json', '--json']));
    expect(body['recommendation']).toBe('hire-externally');
    expect(body).not.toHaveProperty('trialMonths');
  });

  it('interest and soft skills: a 3-6 month trial', async () => {
    const body = parseJson(await runHiring(['promotion', 'advise', 'examples/promotion-trial.json', '--json']));
    expect(body).toMatchObject({ recommendation: 'trial', trialMonths: [3, 6] });
  });

  it('a string where a boolean belongs: exit 2', async () => {
    const run = await runHiring(['promotion', 'advise'], '{"explicitInterest":"yes","softSkillsDemonstrated":true}');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('explicitInterest: must be boolean');
  });
});

describe('hiring rate-cards list', () => {
  it('prints the 2026-03 version with the uncapped SF/NY total compensation', async () => {
    const run = await runHiring(['rate-cards', 'list']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('rate card 2026-03, effective from 2026-03-01');
    expect(run.stdout).toContain('AI Tech Lead   us-sf-ny    base $250,000 – $340,000 (floor $250,000), total comp $320,000 – no cap');
  });
});

describe('hiring / usage errors', () => {
  it('an unknown command exits 2', async () => {
    const run = await runHiring(['hire-everyone']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'hire-everyone'");
  });
});
