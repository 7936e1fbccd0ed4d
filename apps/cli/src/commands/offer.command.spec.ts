import { parseJson, runHiring } from '../testing/run-hiring';

jest.setTimeout(30_000);

describe('hiring offer check / London, one pound below the floor (examples/offer-london-below-floor.json)', () => {
  it('--json: refused with floor, gap 1, both reasons and the rate card version; exit 0', async () => {
    const run = await runHiring(['offer', 'check', 'examples/offer-london-below-floor.json', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const body = parseJson(run);
    expect(body).toMatchObject({ decision: 'refused', floor: { amount: 140000, currency: 'GBP' }, gap: 1, rateCardVersion: '2026-03' });
    expect((body['reasons'] as { code: string }[]).map((r) => r.code)).toEqual(['BELOW_FLOOR', 'SOFTWARE_BAND_BENCHMARK']);
  });

  it('readable summary by default', async () => {
    const run = await runHiring(['offer', 'check', 'examples/offer-london-below-floor.json']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      'REFUSED: AI Tech Lead in uk-london, offered £139,999 (rate card 2026-03)',
      '  floor £140,000, gap £1',
    ]);
  });
});

describe('hiring offer check / other example offers', () => {
  it('SF/NY exactly at the floor is approved', async () => {
    const body = parseJson(await runHiring(['offer', 'check', 'examples/offer-sf-at-floor.json', '--json']));
    expect(body).toMatchObject({ decision: 'approved', gap: 0, floor: { amount: 250000, currency: 'USD' } });
  });

  it('US metro inside the software band names the benchmark mistake', async () => {
    const body = parseJson(await runHiring(['offer', 'check', 'examples/offer-metro-software-band.json', '--json']));
    expect(body).toMatchObject({ decision: 'refused', gap: 10000 });
    expect((body['reasons'] as { code: string }[])[1]?.code).toBe('SOFTWARE_BAND_BENCHMARK');
  });

  it('override read from stdin: approved and recorded', async () => {
    const input = JSON.stringify({
      role: 'ai-tech-lead',
      location: 'uk-london',
      base: { amount: 132000, currency: 'GBP' },
      proposedOn: '2026-03-20',
      override: { approver: 'Jane Doe', reason: 'equity-heavy package' },
    });
    const body = parseJson(await runHiring(['offer', 'check', '-', '--json'], input));
    expect(body).toMatchObject({ decision: 'approved', gap: 8000, override: { approver: 'Jane Doe', reason: 'equity-heavy package' } });
  });

  it('currency mismatch is a refusal (exit 0), never a conversion', async () => {
    const run = await runHiring(['offer', 'check', 'examples/offer-london-in-usd.json', '--json']);
    expect(run.code).toBe(0);
    expect(parseJson(run)).toMatchObject({ decision: 'refused', gap: null, reasons: [{ code: 'CURRENCY_MISMATCH' }] });
  });
});

describe('hiring offer check / errors', () => {
  it('malformed JSON on stdin: exit 2 and says so', async () => {
    const run = await runHiring(['offer', 'check'], '{"role": "ai-tech-lead",');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^hiring offer check: stdin is not valid JSON/);
  });

  it('missing field: exit 2 and names base.amount', async () => {
    const input = JSON.stringify({ role: 'ai-tech-lead', location: 'uk-london', base: { currency: 'GBP' }, proposedOn: '2026-03-15' });
    const run = await runHiring(['offer', 'check'], input);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('hiring offer check: invalid offer in stdin:\n  base.amount: is required\n');
  });

  it('unknown location: exit 2 and lists the known ones', async () => {
    const input = JSON.stringify({ role: 'ai-tech-lead', location: 'berlin', base: { amount: 1, currency: 'USD' }, proposedOn: '2026-03-15' });
    const run = await runHiring(['offer', 'check'], input);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('location: must be one of "us-sf-ny", "us-metro", "us-remote", "uk-london", "il-tel-aviv"');
  });

  it('override without an approver: exit 2, names the field', async () => {
    const input = JSON.stringify({
      role: 'ai-tech-lead',
      location: 'uk-london',
      base: { amount: 100000, currency: 'GBP' },
      proposedOn: '2026-03-15',
      override: { reason: 'budget' },
    });
    const run = await runHiring(['offer', 'check'], input);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('override.approver: is required');
  });

  it('Technical Lead in Tel Aviv has no band: exit 3 with NO_RATE_CARD, not an approval', async () => {
    const run = await runHiring(['offer', 'check', 'examples/offer-tech-lead-tel-aviv.json', '--json']);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('hiring offer check: NO_RATE_CARD: rate card 2026-03 has no Technical Lead band for il-tel-aviv; no floor can be checked\n');
  });

  it('a proposal before the first rate card: exit 3', async () => {
    const input = JSON.stringify({ role: 'ai-tech-lead', location: 'uk-london', base: { amount: 150000, currency: 'GBP' }, proposedOn: '2025-12-01' });
    const run = await runHiring(['offer', 'check'], input);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('no rate card is in force on 2025-12-01');
  });

  it('a missing file: exit 2 and names it', async () => {
    const run = await runHiring(['offer', 'check', 'examples/does-not-exist.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('hiring offer check: cannot read input file examples/does-not-exist.json: no such file\n');
  });
});
