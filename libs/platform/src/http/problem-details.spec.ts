import { bodyParserError, isDatabaseUnavailable } from './problem-details.filter';
import { isAcceptedBodyType, mediaType } from './content-type';

describe('database outage errors', () => {
  it('recognises refused and dropped connections, also wrapped by TypeORM', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable({ name: 'QueryFailedError', message: 'x', driverError: new Error('Connection terminated unexpectedly') })).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('does not mistake a wrong query or a bug for an outage', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});

describe('body media types', () => {
  it('accepts JSON, +json and NDJSON, with parameters and any case', () => {
    expect(isAcceptedBodyType(mediaType('application/json; charset=utf-8'))).toBe(true);
    expect(isAcceptedBodyType(mediaType('Application/Problem+JSON'))).toBe(true);
    expect(isAcceptedBodyType(mediaType('application/x-ndjson'))).toBe(true);
  });

  it('refuses text, forms, XML and a missing type', () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'text/json', undefined]) {
      expect(isAcceptedBodyType(mediaType(type))).toBe(false);
    }
  });
});

describe('malformed JSON bodies', () => {
  function parseFailure(body: string): unknown {
    try {
      JSON.parse(body);
    } catch (error) {
      return Object.assign(error as Error, { status: 400, type: 'entity.parse.failed', body });
    }
    throw new Error('expected a parse failure');
  }

  it('says where the body breaks, never quoting it (it may be personal data)', () => {
    const body = '{"name": "Ada Lovelace" x}';
    const problem = bodyParserError(parseFailure(body));
    expect(problem).toMatchObject({ status: 400, type: 'https://hiring.local/problems/entity-parse-failed' });
    expect(problem?.detail).toMatch(/^The request body is not valid JSON: unexpected character/);
    expect(problem?.detail).not.toContain('Ada');
  });

  it('says a truncated body ends early', () => {
    expect(bodyParserError(parseFailure('{"candidate": '))?.detail).toBe('The request body is not valid JSON: ends early (after 14 characters).');
  });
});
