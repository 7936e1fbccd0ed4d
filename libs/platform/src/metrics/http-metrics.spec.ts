import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { Registry } from 'prom-client';
import { HTTP_DURATION_METRIC, httpMetricsMiddleware, routeLabel } from './http-metrics';

describe('routeLabel', () => {
  it('is the matched route template under its base URL', () => {
    expect(routeLabel({ baseUrl: '', route: { path: '/v1/submissions/:submissionId' } })).toBe('/v1/submissions/:submissionId');
    expect(routeLabel({ baseUrl: '/v1', route: { path: '/pipeline' } })).toBe('/v1/pipeline');
  });

  it('is "unmatched" when no route matched (a 404 must not create a series per URL)', () => {
    expect(routeLabel({ baseUrl: '' })).toBe('unmatched');
    expect(routeLabel({ baseUrl: '', route: { path: /regex/ } })).toBe('unmatched');
  });
});

describe('httpMetricsMiddleware', () => {
  it('observes one request once, labelled by method, route and status', async () => {
    const registry = new Registry();
    const middleware = httpMetricsMiddleware(registry);
    const req = { method: 'POST', baseUrl: '', route: { path: '/v1/submissions' } } as unknown as Request;
    const res = Object.assign(new EventEmitter(), { statusCode: 503 }) as unknown as Response;
    const next = jest.fn();
    middleware(req, res, next);
    expect(next).toHaveBeenCalledTimes(1);
    res.emit('finish');
    res.emit('close');
    const text = await registry.metrics();
    expect(text).toContain(`${HTTP_DURATION_METRIC}_count{method="POST",route="/v1/submissions",status_code="503"} 1`);
  });

  it('shares the histogram when the app is configured twice on one registry', () => {
    const registry = new Registry();
    httpMetricsMiddleware(registry);
    expect(() => httpMetricsMiddleware(registry)).not.toThrow();
    expect(registry.getMetricsAsArray()).toHaveLength(1);
  });
});
