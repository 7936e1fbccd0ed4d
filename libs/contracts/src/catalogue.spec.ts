import { ALL_EVENT_TYPES, EVENT_CATALOGUE, EVENT_TYPES, isEventType } from './catalogue';
import { EVENT_TYPE_PATTERN } from './cloudevent';
import { EXAMPLE_EVENT_DATA } from './examples/event-examples';
import { TOPIC_SPECS, TOPICS } from './topics';

describe('event-catalogue', () => {
  it('has one entry per event type, each on a catalogue topic that is provisioned', () => {
    expect(Object.keys(EVENT_CATALOGUE).sort()).toEqual([...ALL_EVENT_TYPES].sort());
    const provisioned = TOPIC_SPECS.map((t) => t.name);
    for (const type of ALL_EVENT_TYPES) {
      expect(Object.values(TOPICS)).toContain(EVENT_CATALOGUE[type].topic);
      expect(provisioned).toContain(EVENT_CATALOGUE[type].topic);
    }
  });

  it('every type is versioned and matches the envelope type pattern', () => {
    for (const type of ALL_EVENT_TYPES) expect(type).toMatch(EVENT_TYPE_PATTERN);
  });

  it('keys every candidate event by candidate id, and a submission by agency and external id', () => {
    for (const type of ALL_EVENT_TYPES) {
      const data = EXAMPLE_EVENT_DATA[type] as { candidateId?: string };
      const subject = (EVENT_CATALOGUE[type].subjectOf as (d: unknown) => string)(data);
      expect(subject).toBe(type === EVENT_TYPES.submission ? 'northstar-talent/NS-2026-0142' : data.candidateId);
    }
  });

  it('only agency submissions are signed and carry PII', () => {
    expect(ALL_EVENT_TYPES.filter((t) => EVENT_CATALOGUE[t].signed)).toEqual([EVENT_TYPES.submission]);
    expect(ALL_EVENT_TYPES.filter((t) => EVENT_CATALOGUE[t].containsPii)).toEqual([EVENT_TYPES.submission]);
  });

  it('isEventType accepts catalogue types only', () => {
    expect(isEventType('recruiting.candidate-scored.v1')).toBe(true);
    expect(isEventType('recruiting.candidate-scored.v2')).toBe(false);
    expect(isEventType('toString')).toBe(false);
  });
});
