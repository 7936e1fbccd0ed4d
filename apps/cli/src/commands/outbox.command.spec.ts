import { CliInputError } from '../io/cli-error';
import { listSummary, overviewSummary, parseLimit, parseReplayTarget, parseService, replaySummary, type ParkedEvent } from './outbox.command';

const event: ParkedEvent = {
  id: '123',
  topic: 'recruiting.candidate-screened.v1',
  key: '0b7c5a9e-1f2d-4c3b-8a6e-5d4f3c2b1a09',
  bytes: 1_200_345,
  reason: 'MESSAGE_TOO_LARGE: The request included a message larger than the max message size the server will accept (one record of about 1200345 bytes)',
  parkedAt: '2026-12-04T10:00:00.000Z',
};

describe('hiring outbox: arguments', () => {
  it('takes a service by name, any case, and refuses another naming the known ones', () => {
    expect(parseService('Screening').name).toBe('screening');
    expect(() => parseService('billing')).toThrow(new CliInputError('unknown service "billing": one of sourcing, screening, scoring, offer, monitor'));
  });

  it('takes --limit from 1 to 1000', () => {
    expect(parseLimit(undefined)).toBe(50);
    expect(parseLimit('1000')).toBe(1000);
    for (const bad of ['0', '1001', '-1', '2.5', 'ten', '']) expect(() => parseLimit(bad)).toThrow(CliInputError);
  });

  it('replays one id or --all, exactly one of them', () => {
    expect(parseReplayTarget('123', undefined)).toEqual({ id: '123' });
    expect(parseReplayTarget(undefined, true)).toBe('all');
    expect(() => parseReplayTarget('123', true)).toThrow(/not both/);
    expect(() => parseReplayTarget(undefined, undefined)).toThrow(/or --all/);
    for (const bad of ['0', '-4', '12a', '1'.repeat(20)]) expect(() => parseReplayTarget(bad, undefined)).toThrow(/not a parked event id/);
  });
});

describe('hiring outbox: output', () => {
  it('lists parked events with reason and size, never a value, and says how to replay', () => {
    const text = listSummary('screening', { schema: 'screening', total: 3, newestId: '140', rows: [event] });
    expect(text).toContain('screening.outbox_parked (screening): 3 parked event(s), showing the oldest 1 (--limit)');
    expect(text).toContain('  123  2026-12-04T10:00:00.000Z  recruiting.candidate-screened.v1  key 0b7c5a9e-1f2d-4c3b-8a6e-5d4f3c2b1a09  1200345 bytes  MESSAGE_TOO_LARGE:');
    expect(text).toContain('hiring outbox replay screening <id>, or --all');
    expect(text).toContain("raise the topic's max.message.bytes first");
    expect(text).not.toContain('value');
  });

  it('an empty table is one line', () => {
    expect(listSummary('offer', { schema: 'offer', total: 0, newestId: null, rows: [] })).toBe('offer.outbox_parked (offer): 0 parked event(s)');
  });

  it('the overview counts each service, and names one that does not answer', () => {
    const text = overviewSummary([
      { service: 'sourcing', schema: 'sourcing', parked: 0 },
      { service: 'screening', schema: 'screening', parked: 2 },
      { service: 'scoring', unavailable: 'the scoring service did not answer' },
    ]);
    expect(text.split('\n')).toEqual([
      'service    parked',
      'sourcing        0',
      'screening       2',
      'scoring    not answering (the scoring service did not answer)',
      'total 2 parked event(s); details: hiring outbox parked <service>',
    ]);
  });

  it('a replay says where the events went and that a still too large one is parked again', () => {
    const text = replaySummary('screening', { schema: 'screening', replayed: [event], remaining: 0 });
    expect(text).toContain('replayed 1 parked event(s) of screening.outbox_parked into screening.outbox');
    expect(text).toContain('parked again under a new id');
    expect(text).toContain('check: hiring outbox parked screening');
    expect(replaySummary('screening', { schema: 'screening', replayed: [], remaining: 0 })).toBe('nothing to replay: screening.outbox_parked (screening) is empty');
    expect(replaySummary('screening', { schema: 'screening', replayed: [event], remaining: 4 })).toContain('4 older parked event(s) were not replayed');
  });
});
