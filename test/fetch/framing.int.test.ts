import { createServer, type Server, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, testClient } from '../helpers/http-client.js';

/**
 * A raw HTTP/1.1 server on port 0: each path answers with the bytes it is given, written as
 * they are (one write, or the head and then the body), so the framing can lie.
 */
const answers = new Map<string, Buffer | ((s: Socket) => void)>();
const hits = new Map<string, number>();
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((socket) => {
    let pending = '';
    socket.on('error', () => {});
    socket.on('data', (d) => {
      pending += d.toString('latin1');
      for (let end = pending.indexOf('\r\n\r\n'); end >= 0; end = pending.indexOf('\r\n\r\n')) {
        const path = /^GET (\S+)/.exec(pending)![1]!.replace(/\?.*$/, '');
        pending = pending.slice(end + 4);
        hits.set(path, (hits.get(path) ?? 0) + 1);
        const answer =
          answers.get(path) ?? Buffer.from('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
        if (typeof answer === 'function') answer(socket);
        else socket.write(answer);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  answers.set('/robots.txt', Buffer.from('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n'));
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const head = (fields: string) =>
  `HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n${fields}\r\n`;
const text = 'President: Good morning. We agreed on EUR 2 billion for the programme today.';
const open = { allowPrivate: true };

describe('a Content-Length that does not match the body', () => {
  it('fails a body longer than its Content-Length once, naming the URL (redacted) and both lengths', async () => {
    answers.set('/short', Buffer.from(`${head('Content-Length: 9\r\n')}${text}`));
    const client = testClient();
    const err = await failure(client.get(`${base}/short?token=s3cret`, open));
    expect(err.code).toBe('ERR_FETCH_LENGTH_MISMATCH');
    expect(err.retryable).toBe(false);
    expect(err.message).toContain(`${base}/short?token=***`);
    expect(err.message).not.toContain('s3cret');
    expect(err.message).toContain('Content-Length 9');
    expect(err.message).toContain(`at least ${text.length} bytes`);
    expect(err.details).toMatchObject({ declared: 9, received: text.length });
    expect(hits.get('/short')).toBe(1);
    await client.close();
  });

  it('does so too when the server closes the connection after the response', async () => {
    answers.set('/short-close', Buffer.from(`${head('Connection: close\r\nContent-Length: 20\r\n')}${text}`));
    const client = testClient();
    const err = await failure(client.get(`${base}/short-close`, open));
    expect(err.code).toBe('ERR_FETCH_LENGTH_MISMATCH');
    expect(err.details).toMatchObject({ declared: 20, received: text.length });
    await client.close();
  });

  it('reads honest bodies as before: exact, after a 103 Early Hints, gzip, chunked, large and paced, and several on one connection', async () => {
    answers.set('/exact', Buffer.from(`${head(`Content-Length: ${text.length}\r\n`)}${text}`));
    answers.set(
      '/hints',
      Buffer.from(
        `HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n${head(`Content-Length: ${text.length}\r\n`)}${text}`,
      ),
    );
    const gz = gzipSync(text);
    answers.set(
      '/gzip',
      Buffer.concat([Buffer.from(head(`Content-Encoding: gzip\r\nContent-Length: ${gz.length}\r\n`)), gz]),
    );
    answers.set(
      '/chunked',
      Buffer.from(
        `${head('Transfer-Encoding: chunked\r\n')}${text.length.toString(16)}\r\n${text}\r\n0\r\n\r\n`,
      ),
    );
    // 900 KB, written in pieces: the parser pauses and gives bytes back to the socket
    const big = Buffer.alloc(900 * 1024, 'a');
    answers.set('/big', (s) => {
      s.write(head(`Content-Length: ${big.length}\r\n`));
      for (let i = 0; i < big.length; i += 64 * 1024) s.write(big.subarray(i, i + 64 * 1024));
    });
    const client = testClient();
    for (const path of ['/exact', '/hints', '/gzip', '/chunked', '/exact', '/gzip']) {
      const res = await client.get(`${base}${path}`, open);
      expect(res.bytes.toString('utf8'), path).toBe(text);
    }
    expect((await client.get(`${base}/big`, open)).bytes.length).toBe(big.length);
    await client.close();
  });
});
