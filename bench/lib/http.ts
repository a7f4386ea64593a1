import http from 'node:http';

/** Keep-alive HTTP client for the load generator (fetch costs more per request on a 2-core machine). */
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

export interface HttpAnswer {
  status: number;
  body: any;
  text: string;
}

/**
 * POSTs and reads the answer. A request on a reused keep-alive socket that the server closed at
 * that moment (ECONNRESET before any answer) is sent once more, as Node's documentation advises;
 * the bot never saw it.
 */
export async function postJson(
  url: string,
  payload: string | Buffer,
  headers: Record<string, string> = { 'content-type': 'application/json' },
  timeoutMs = 30_000,
): Promise<HttpAnswer> {
  try {
    return await postOnce(url, payload, headers, timeoutMs);
  } catch (err) {
    if (
      (err as { reusedSocket?: boolean }).reusedSocket &&
      (err as { code?: string }).code === 'ECONNRESET'
    ) {
      return postOnce(url, payload, headers, timeoutMs);
    }
    throw err;
  }
}

function postOnce(
  url: string,
  payload: string | Buffer,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(payload)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, body, text });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (err) => reject(Object.assign(err, { reusedSocket: req.reusedSocket })));
    req.end(payload);
  });
}
