// The default decoder and topic resolver, backed by @hiring/contracts.
import type { DecodeFn } from './types';
import type { EventTopicResolver } from './outbox';
import { cloudEventEnvelopeDecoder } from './cloud-event.decoder';

// TODO(messaging): switch to contracts' parseEvent / EVENT_CATALOGUE once exported.
export const contractsDecoder: DecodeFn = cloudEventEnvelopeDecoder;

export const catalogueTopicResolver: EventTopicResolver = (event) => {
  throw new Error(`no topic resolver configured for ${event.type}`);
};
