import { describeServiceLifecycle } from '@hiring/testing';

describeServiceLifecycle('scoring', 'scoring', ['scores']);
