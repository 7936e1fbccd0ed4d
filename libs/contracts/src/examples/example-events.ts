// Whole example CloudEvents, deterministic (fixed ids and times) so the
// generated AsyncAPI document is stable and can be checked in CI.
import { ALL_EVENT_TYPES, type EventType } from '../catalogue';
import { buildEvent, type TypedCloudEvent } from '../cloudevent';
import { EXAMPLE_EVENT_DATA, EXAMPLE_SIGNING_SECRET, EXAMPLE_SOURCES } from './event-examples';

export function exampleEvent<K extends EventType>(type: K): TypedCloudEvent<K> {
  const index = ALL_EVENT_TYPES.indexOf(type);
  return buildEvent(type, {
    source: EXAMPLE_SOURCES[type],
    data: EXAMPLE_EVENT_DATA[type],
    id: `0b6c6f1e-4a57-4c1e-9a39-00000000000${index}`,
    time: exampleTime(index),
    correlationId: 'corr-9d2f4e',
    ...(type === 'recruiting.submission.v1' ? { signingSecret: EXAMPLE_SIGNING_SECRET } : {}),
  });
}

function exampleTime(index: number): string {
  return `2026-03-02T09:15:0${index}Z`;
}
