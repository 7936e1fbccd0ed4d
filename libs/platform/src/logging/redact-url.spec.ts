import { redactUrl } from './logging.module';

describe('request URLs in the logs', () => {
  it('hides a token given in the query string, keeping the rest', () => {
    expect(redactUrl('/?token=s3cret&x=1')).toBe('/?token=[redacted]&x=1');
    expect(redactUrl('/v1/pipeline/stream?agencyId=a&TOKEN=abc')).toBe('/v1/pipeline/stream?agencyId=a&TOKEN=[redacted]');
  });

  it('leaves URLs without secrets alone', () => {
    expect(redactUrl('/v1/submissions/123?tokenish=1')).toBe('/v1/submissions/123?tokenish=1');
    expect(redactUrl(undefined)).toBeUndefined();
  });
});
