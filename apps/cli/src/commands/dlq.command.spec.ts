// Argument errors of `hiring dlq`: all refused before any connection, so these
// run without a broker (KAFKA_BROKERS points at a port nothing listens on; a
// test that reached Kafka would fail with exit 4 instead of 2).
import { runHiring } from '../testing/run-hiring';

jest.setTimeout(30_000);

const NO_BROKER = { KAFKA_BROKERS: '127.0.0.1:1' };

describe('hiring dlq / bad arguments are exit 2, before connecting', () => {
  it('unknown topic: names it and lists the valid ones, source and .dlq', async () => {
    const run = await runHiring(['dlq', 'list', 'recruiting.nope.v1'], undefined, NO_BROKER);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^hiring dlq list: unknown topic "recruiting.nope.v1"; valid topics:\n/);
    expect(run.stderr).toContain('  recruiting.offer-decided.v1 (or recruiting.offer-decided.v1.dlq)\n');
    expect(run.stderr).toContain('  recruiting.submissions.v1 (or recruiting.submissions.v1.dlq)\n');
  });

  it('a .dlq of a .dlq is not a topic', async () => {
    const run = await runHiring(['dlq', 'show', 'recruiting.offer-decided.v1.dlq.dlq', '0', '0'], undefined, NO_BROKER);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown topic "recruiting.offer-decided.v1.dlq.dlq"');
  });

  it.each([
    [['dlq', 'show', 'recruiting.offer-decided.v1', 'x', '0'], 'hiring dlq show: partition "x" is not a non-negative integer\n'],
    [['dlq', 'show', 'recruiting.offer-decided.v1', '0', '-1'], 'hiring dlq show: offset "-1" is not a non-negative integer\n'],
    [['dlq', 'replay', 'recruiting.offer-decided.v1', '0', '1.5'], 'hiring dlq replay: offset "1.5" is not a non-negative integer\n'],
    [['dlq', 'list', 'recruiting.offer-decided.v1', '--limit', '0'], 'hiring dlq list: --limit 0 must be between 1 and 100000\n'],
    [['dlq', 'list', 'recruiting.offer-decided.v1', '--limit', 'ten'], 'hiring dlq list: --limit "ten" is not a non-negative integer\n'],
  ])('%j: %s', async (args, message) => {
    const run = await runHiring(args, undefined, NO_BROKER);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(message);
  });

  it('missing arguments are usage errors (exit 2, commander names the argument)', async () => {
    const run = await runHiring(['dlq', 'replay', 'recruiting.offer-decided.v1'], undefined, NO_BROKER);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("missing required argument 'partition'");
  });

  it('an invalid KAFKA_BROKERS is exit 2 and names the variable', async () => {
    const run = await runHiring(['dlq', 'list'], undefined, { KAFKA_BROKERS: 'kafka:9092,localhost' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'hiring dlq list: KAFKA_BROKERS="kafka:9092,localhost" is invalid: "localhost" is not host:port (expected host:port[,host:port...], e.g. 127.0.0.1:9092)\n',
    );
  });

  it('dlq --help lists list, show and replay', async () => {
    const run = await runHiring(['dlq', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/list \[options\] \[topic\]/);
    expect(run.stdout).toMatch(/show \[options\] <topic> <partition> <offset>/);
    expect(run.stdout).toMatch(/replay \[options\] <topic> <partition> <offset>/);
  });
});
