// HTTP latency and status per route on /metrics, for dashboards and alerts
// (errors are the 5xx share). The route label is the matched route template
// (`/v1/submissions/:submissionId`), never the raw URL: ids in paths would
// make one series per request, and query strings may carry tokens.
import type { NextFunction, Request, Response } from 'express';
import { Histogram, register, type Registry } from 'prom-client';

export const HTTP_DURATION_METRIC = 'http_server_request_duration_seconds';

/** The route template Express matched, or `unmatched` (404s, rejected before routing). */
export function routeLabel(req: Pick<Request, 'baseUrl'> & { route?: { path?: unknown } }): string {
  const path = req.route?.path;
  if (typeof path !== 'string') return 'unmatched';
  return `${req.baseUrl ?? ''}${path}` || '/';
}

function histogram(registry: Registry): Histogram<'method' | 'route' | 'status_code'> {
  const existing = registry.getSingleMetric(HTTP_DURATION_METRIC) as Histogram<'method' | 'route' | 'status_code'> | undefined;
  return (
    existing ??
    new Histogram({
      name: HTTP_DURATION_METRIC,
      help: 'HTTP requests served, by method, route template and status code (seconds from request to response end)',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    })
  );
}

/** Express middleware: observes every request when its response finishes (or the client goes away). */
export function httpMetricsMiddleware(registry: Registry = register): (req: Request, res: Response, next: NextFunction) => void {
  const duration = histogram(registry);
  return (req, res, next) => {
    const end = duration.startTimer();
    let done = false;
    const observe = () => {
      if (done) return;
      done = true;
      end({ method: req.method, route: routeLabel(req), status_code: String(res.statusCode) });
    };
    res.once('finish', observe);
    res.once('close', observe);
    next();
  };
}
