import { describeServiceLifecycle } from '@hiring/testing';

describeServiceLifecycle('monitor', 'monitor', ['candidate_stages', 'erased_candidates']);
