// The default decoder and topic resolver, backed by @hiring/contracts: a
// consumer validates exactly what the catalogue promises, and an outgoing
// CloudEvent goes to its catalogue topic keyed by its subject (the candidate id).
import { EVENT_CATALOGUE, isEventType, parseEvent, type EventType } from '@hiring/contracts';
import type { DecodeFn } from './types';
import type { EventTopicResolver } from './outbox/outbox';
import { DecodeFailure } from './failure-policy';

export const contractsDecoder: DecodeFn = (message, ctx) => {
  if (!message.value) throw new DecodeFailure('MALFORMED_JSON', 'empty record value', [{ path: '', message: 'empty value' }]);
  const parsed = parseEvent(message.value, { expectedTypes: ctx.expectedTypes as readonly EventType[] | undefined });
  const e = parsed.event;
  return {
    id: e.id,
    type: e.type,
    source: e.source,
    subject: e.subject,
    time: e.time,
    correlationId: e.correlationid,
    data: parsed.data,
    envelope: e,
  };
};

export const catalogueTopicResolver: EventTopicResolver = (event) => {
  if (!isEventType(event.type)) throw new Error(`no catalogue topic for event type "${event.type}"`);
  return { topic: EVENT_CATALOGUE[event.type].topic, key: event.subject ?? null };
};
