import { describeServiceLifecycle } from '@hiring/testing';

describeServiceLifecycle('offer', 'offer', ['rate_cards']);
