import { describeServiceLifecycle } from '@hiring/testing';

describeServiceLifecycle('screening', 'screening', ['screenings']);
