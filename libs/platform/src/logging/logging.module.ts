// Structured JSON logs (pino) with a correlation id on every request line.
// The id comes from the caller's `x-correlation-id` when given, so one
// submission can be followed across HTTP, Kafka and every service.
import { randomUUID } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

export const CORRELATION_HEADER = 'x-correlation-id';

@Module({})
export class LoggingModule {
  static forRoot(service: string, level: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
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
            redact: ['req.headers.authorization', 'req.headers["x-api-key"]'],
          },
        }),
      ],
    };
  }
}
