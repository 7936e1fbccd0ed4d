import { Counter, Histogram, register } from 'prom-client';

function getOrCreate<T>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

/** How single submissions are grouped, on /metrics (docs/sourcing.md, "Single submissions written in groups"). */
export class SubmissionGroupMetrics {
  /** One observation per intake call for single POSTs: its count is the calls, its sum the requests. */
  readonly size = getOrCreate('sourcing_single_submission_group_size', () =>
    new Histogram({
      name: 'sourcing_single_submission_group_size',
      help: 'Single POST /v1/submissions written together in one intake call (1 when they do not overlap)',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
    }),
  );
  readonly fallbacks = getOrCreate('sourcing_single_submission_group_fallbacks_total', () =>
    new Counter({ name: 'sourcing_single_submission_group_fallbacks_total', help: 'Groups of single submissions whose intake call threw, each request then written alone' }),
  );
}
