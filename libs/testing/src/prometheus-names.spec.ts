import { exposedMetricNames, promqlMetricNames } from './prometheus-names';

describe('promqlMetricNames', () => {
  it.each([
    ['sum by (service, topic) (rate(messaging_messages_processed_total{service=~"$service"}[$__rate_interval]))', ['messaging_messages_processed_total']],
    ['histogram_quantile(0.95, sum by (le, topic) (rate(messaging_batch_duration_seconds_bucket[5m])))', ['messaging_batch_duration_seconds_bucket']],
    ['sum(rate(a_total[1m])) / sum without (x) (rate(b_count{route="/v1/x (y)"}[1m]))', ['a_total', 'b_count']],
    ['monitor_offer_refusals', ['monitor_offer_refusals']],
    ['up == bool 1 and on (job) other_metric offset 5m', ['other_metric', 'up']],
    ['max by (group) (monitor_consumer_group_lag) > 1e3', ['monitor_consumer_group_lag']],
    ['label_values(process_cpu_user_seconds_total, service)', ['process_cpu_user_seconds_total']],
  ])('%s', (expr, names) => expect(promqlMetricNames(expr)).toEqual(names));
});

describe('exposedMetricNames', () => {
  it('lists TYPE names and the series of histograms and summaries', () => {
    const text = [
      '# HELP a_total A counter',
      '# TYPE a_total counter',
      'a_total{topic="t"} 3',
      '# TYPE h_seconds histogram',
      '# TYPE s summary',
      '# TYPE g gauge',
    ].join('\n');
    expect([...exposedMetricNames(text)].sort()).toEqual(['a_total', 'g', 'h_seconds', 'h_seconds_bucket', 'h_seconds_count', 'h_seconds_sum', 's', 's_count', 's_sum']);
  });
});
