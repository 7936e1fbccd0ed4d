// Structured JSON logs (pino) with a correlation id on every request line.
// The id comes from the caller's `x-correlation-id` when given, so one
// submission can be followed across HTTP, Kafka and every service.
import { randomUUID } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';

export const CORRELATION_HEADER = 'x-correlation-id';

/** Secrets that may travel in a query string (a page's `?token=` sign-in) never reach the logs. */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(/([?&](?:token|api_key|apikey)=)[^&#]*/gi, '$1[redacted]');
}

/**
 * Header values that grant access: a line copied from a log must not open
 * anything (the monitor's session cookie did, through `set-cookie`).
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  'res.headers.authorization',
];

/** The pino-http settings of every service (exported so a test can log through exactly them). */
export function pinoHttpOptions(service: string, level: string): Options {
  return {
    level,
    base: { service },
    messageKey: 'message',
    formatters: { level: (label: string) => ({ level: label }) },
    genReqId: (req, res) => {
      const given = req.headers[CORRELATION_HEADER];
      const id = typeof given === 'string' && given.length <= 128 ? given : randomUUID();
      res.setHeader(CORRELATION_HEADER, id);
      return id;
    },
    customAttributeKeys: { reqId: 'correlationId' },
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') || req.url === '/metrics' },
    redact: REDACTED_LOG_PATHS,
    // The query is already in the (redacted) URL; logged separately it would repeat any secret.
    serializers: { req: (req: { url?: string; query?: unknown }) => ({ ...req, url: redactUrl(req.url), query: undefined }) },
  };
}

@Module({})
export class LoggingModule {
  static forRoot(service: string, level: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: pinoHttpOptions(service, level) })],
    };
  }
}
