import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyError, readJsonBody, readRawBody } from '../../../src/common/httpBody';

/** A loopback server whose handler reads the body with `read`; each request's outcome is recorded. */
async function withServer(
  read: (req: http.IncomingMessage) => Promise<unknown>,
  run: (port: number, outcomes: Promise<unknown>[]) => Promise<void>,
): Promise<void> {
  const outcomes: Promise<unknown>[] = [];
  const server = http.createServer((req, res) => {
    const outcome = read(req);
    outcomes.push(outcome);
    outcome.then(
      () => res.end('ok'),
      () => res.end('refused'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run((server.address() as AddressInfo).port, outcomes);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function send(
  port: number,
  body: string | Buffer[],
  headers: http.OutgoingHttpHeaders = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    for (const chunk of typeof body === 'string' ? [Buffer.from(body)] : body) req.write(chunk);
    req.end();
  });
}

describe('request body reader', () => {
  it('joins a body sent in several chunks', async () => {
    await withServer(
      (req) => readRawBody(req, 1024),
      async (port, outcomes) => {
        await send(port, [Buffer.from('{"a":'), Buffer.from('1}')]);
        await expect(outcomes[0]).resolves.toEqual(Buffer.from('{"a":1}'));
      },
    );
  });

  it.each([
    ['declared too large', { 'content-length': '2048' }, 'x'.repeat(2048)],
    ['too large without a declared length', { 'transfer-encoding': 'chunked' }, 'x'.repeat(2048)],
  ])('refuses a body %s with 413', async (_name, headers, body) => {
    await withServer(
      (req) => readRawBody(req, 1024),
      async (port, outcomes) => {
        await send(port, body, headers).catch(() => undefined);
        await expect(outcomes[0]).rejects.toMatchObject({ status: 413 });
      },
    );
  });

  it('rejects (does not hang) when the client goes away before the body ends', async () => {
    await withServer(
      (req) => readRawBody(req, 1024),
      async (port, outcomes) => {
        const req = http.request({
          port,
          host: '127.0.0.1',
          method: 'POST',
          headers: { 'content-length': '100' },
        });
        req.on('error', () => undefined);
        req.write('{"partial":');
        while (outcomes.length === 0) await new Promise((r) => setTimeout(r, 5));
        req.destroy();
        // Node's own error ("aborted") or ours (closed before the end), from the real realm.
        await expect(outcomes[0]).rejects.toMatchObject({ message: expect.any(String) });
      },
    );
  });

  it.each([
    ['invalid JSON', '{', 400, 'invalid_json'],
    ['a JSON array', '[1]', 400, 'invalid_body'],
  ])('readJsonBody refuses %s', async (_name, body, status, code) => {
    await withServer(
      (req) => readJsonBody(req, 1024),
      async (port, outcomes) => {
        await send(port, body, { 'content-type': 'application/json' });
        const err: unknown = await outcomes[0]!.catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BodyError);
        expect(err).toMatchObject({ status, code });
      },
    );
  });
});
