import { subscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { PermanentError } from '../errors.js';

/**
 * What one request read on its connection after it was written: the bytes (as decrypted, what
 * the HTTP parser reads), and how long the response head turned out to be. Given as the
 * request's `opaque`; filled in by the socket watch below.
 */
export class Exchange {
  socket: Socket | null = null;
  bytes = 0;
  /** Bytes of the response head (informational 1xx heads included); null until it is read. */
  headBytes: number | null = null;
  private head: Buffer = Buffer.alloc(0);

  /** Raw bytes read after the request was written; finds the end of the final response head. */
  see(chunk: Buffer): void {
    this.bytes += chunk.length;
    if (this.headBytes !== null || this.head.length > MAX_HEAD) return;
    this.head = Buffer.concat([this.head, chunk]);
    for (let from = 0; ;) {
      const end = this.head.indexOf('\r\n\r\n', from);
      if (end < 0) return;
      // an informational head (100 Continue, 103 Early Hints) comes before the final one
      if (!/^HTTP\/1\.[01] 1\d\d /.test(this.head.toString('latin1', from, from + 13))) {
        this.headBytes = end + 4;
        this.head = Buffer.alloc(0);
        return;
      }
      from = end + 4;
    }
  }
}

const MAX_HEAD = 64 * 1024;
/** The exchange each watched socket serves now. */
const current = new WeakMap<Socket, Exchange>();

/**
 * Counts what undici's parser reads from a socket: it reads with `socket.read()`, and gives
 * back what it did not parse yet with `socket.unshift()` (a paused body), to read again.
 */
function watch(socket: Socket): void {
  const read = socket.read.bind(socket);
  const unshift = socket.unshift.bind(socket);
  socket.read = (size?: number) => {
    const chunk = read(size) as unknown;
    if (Buffer.isBuffer(chunk)) current.get(socket)?.see(chunk);
    return chunk;
  };
  socket.unshift = (chunk: Buffer | string, encoding?: BufferEncoding) => {
    const ex = current.get(socket);
    // undici gives back what follows a response it closes the connection after: never read again
    if (ex && !socket.destroyed) ex.bytes -= Buffer.byteLength(chunk);
    unshift(chunk, encoding);
  };
}

// undici publishes each request's socket as it writes the request head; the request's handler
// (undici's `request()` handler, whose `opaque` is our Exchange) is under its `handler` symbol.
subscribe('undici:client:sendHeaders', (message) => {
  const { request, socket } = message as { request: object; socket: Socket };
  const key = Object.getOwnPropertySymbols(request).find((s) => s.description === 'handler');
  const opaque = key && (request as Record<symbol, { opaque?: unknown } | undefined>)[key]?.opaque;
  if (!(opaque instanceof Exchange)) return;
  if (!current.has(socket)) watch(socket);
  current.set(socket, opaque);
  opaque.socket = socket;
});

/**
 * After a body of `declared` bytes (its Content-Length) was read: whether the connection
 * carried more than the head and those bytes. undici stops at the declared length and says
 * nothing; the rest is lost, or read as a broken next response. Checked when the body ends,
 * before undici reuses the connection (it waits a turn of the event loop), so bytes that came
 * with the body are counted; bytes a server sends later are not.
 * @throws PermanentError `ERR_FETCH_LENGTH_MISMATCH` naming the URL and both lengths.
 */
export function checkLength(exchange: Exchange, declared: number, url: string): void {
  const { socket, headBytes } = exchange;
  if (!socket || headBytes === null || current.get(socket) !== exchange) return;
  const body = exchange.bytes - headBytes;
  if (body <= declared) return;
  throw new PermanentError(
    'ERR_FETCH_LENGTH_MISMATCH',
    `GET ${url}: the server declared Content-Length ${declared} but sent at least ${body} bytes of body; the page would be cut short, so it was not stored`,
    { details: { url, declared, received: body } },
  );
}
