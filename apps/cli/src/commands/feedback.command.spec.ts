import { runHiring } from '../testing/run-hiring';

jest.setTimeout(30_000);

describe('hiring feedback record: the file is checked before anything is sent', () => {
  it('an outcome outside confirmed / not-confirmed is bad input (exit 2) naming the field', async () => {
    const bad = JSON.stringify({
      feedbackId: 'fb-1',
      candidateId: 'c-1',
      interviewerId: 'int-1',
      interviewedAt: '2026-12-02T10:00:00Z',
      communicationRating: 4,
      answers: [{ ruleId: 'lead.unblocking', outcome: 'maybe' }],
    });
    const run = await runHiring(['feedback', 'record'], bad, { SCREENING_URL: 'http://127.0.0.1:1' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/answers\[0\]\.outcome: must be one of "confirmed", "not-confirmed"/);
  });

  it('a valid file (examples/interview-feedback.json) with no screening service is exit 4 naming where it looked', async () => {
    const run = await runHiring(['feedback', 'record', 'examples/interview-feedback.json'], undefined, { SCREENING_URL: 'http://127.0.0.1:1' });
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/did not answer at http:\/\/127\.0\.0\.1:1\/v1\/interview-feedback/);
  });
});
