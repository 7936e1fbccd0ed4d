import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import pinoHttp from 'pino-http';
import { pinoHttpOptions } from './logging.module';

describe('request logs keep no credentials', () => {
  let server: Server;
  const lines: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = pinoHttp({ ...pinoHttpOptions('test', 'info'), logger: pino({ level: 'info' }, sink) } as never);
    server = createServer((req, res) => {
      log(req, res);
      // What the monitor does when it signs a browser in.
      res.setHeader('Set-Cookie', 'monitor_session=SESSION-SECRET-VALUE; HttpOnly; SameSite=Strict');
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('redacts set-cookie, cookie, authorization and x-api-key, keeps the rest of the line', async () => {
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/?token=TOKEN-IN-URL`, {
      headers: { authorization: 'Bearer OPS-TOKEN-VALUE', cookie: 'monitor_session=COOKIE-VALUE', 'x-api-key': 'hak_API-KEY-VALUE' },
    }).then((r) => r.text());
    const text = lines.join('');
    expect(text).toContain('request completed');
    for (const secret of ['SESSION-SECRET-VALUE', 'OPS-TOKEN-VALUE', 'COOKIE-VALUE', 'API-KEY-VALUE', 'TOKEN-IN-URL']) expect(text).not.toContain(secret);
    expect(text).toContain('[Redacted]');
  });
});
