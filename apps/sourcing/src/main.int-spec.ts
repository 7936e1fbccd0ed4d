import { describeServiceLifecycle } from '@hiring/testing';

describeServiceLifecycle('sourcing', 'sourcing', ['agencies']);
