import { ALL_EVENT_TYPES, EVENT_CATALOGUE, EVENT_TYPES, isEventType, type CatalogueEntry, type EventType } from './catalogue';
import { PAYLOAD_SCHEMA_FILES } from './schemas/json-schema';
import { SEALED_VALUE_PATTERN } from './sealed-value';
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

describe('personal data in the catalogue', () => {
  it('every field declared personal is a top-level property of the payload schema', () => {
    for (const [type, entry] of Object.entries(EVENT_CATALOGUE) as [EventType, CatalogueEntry<object>][]) {
      const schema = PAYLOAD_SCHEMA_FILES[type] as { properties: Record<string, unknown> };
      for (const field of entry.personalData ?? []) expect([type, field.path, field.path in schema.properties]).toEqual([type, field.path, true]);
    }
  });

  it('candidate-sourced publishes its personal data sealed only: the plain profile is not required, sealedProfile is a sealed value', () => {
    const entry = EVENT_CATALOGUE['recruiting.candidate-sourced.v1'];
    expect(entry.personalData).toEqual([
      { path: 'sealedProfile', sealed: true },
      { path: 'profile', sealed: false },
    ]);
    const schema = PAYLOAD_SCHEMA_FILES['recruiting.candidate-sourced.v1'] as { required: string[] };
    expect(schema.required).not.toContain('profile');
    expect(schema.required).not.toContain('sealedProfile');
    const data = EXAMPLE_EVENT_DATA['recruiting.candidate-sourced.v1'] as unknown as Record<string, unknown>;
    expect(data['profile']).toBeUndefined();
    expect(String(data['sealedProfile'])).toMatch(SEALED_VALUE_PATTERN);
  });

  it('interview-feedback carries its notes sealed only: no answer field holds free text', () => {
    expect(EVENT_CATALOGUE['recruiting.interview-feedback.v1'].personalData).toEqual([{ path: 'sealedNotes', sealed: true }]);
    const schema = PAYLOAD_SCHEMA_FILES['recruiting.interview-feedback.v1'] as { properties: { answers: { items: { properties: Record<string, unknown> } } } };
    expect(Object.keys(schema.properties.answers.items.properties).sort()).toEqual(['outcome', 'ruleId']);
    const data = EXAMPLE_EVENT_DATA['recruiting.interview-feedback.v1'] as unknown as Record<string, unknown>;
    expect(String(data['sealedNotes'])).toMatch(SEALED_VALUE_PATTERN);
  });
});
