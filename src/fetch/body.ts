import { Writable, type Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { PermanentError, PresslineError, TransientError } from '../errors.js';

const tooLarge = (url: string, maxBytes: number) =>
  new PermanentError(
    'ERR_FETCH_TOO_LARGE',
    `GET ${url}: the body exceeds ${maxBytes} bytes (FETCH_MAX_BYTES); it was not stored`,
    {
      details: { url, maxBytes },
    },
  );

function decompressor(encoding: string, url: string): Transform | null {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new PermanentError(
        'ERR_FETCH_ENCODING',
        `GET ${url}: unsupported content-encoding "${encoding}"`,
      );
  }
}

/**
 * Reads a response body, decompressing gzip, deflate or brotli as it streams, and stops as
 * soon as the decompressed size passes `maxBytes`: a gzip bomb costs at most that much memory.
 */
export async function readBody(
  body: Readable,
  encoding: string,
  maxBytes: number,
  url: string,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > maxBytes) cb(tooLarge(url, maxBytes));
      else {
        chunks.push(chunk);
        cb();
      }
    },
  });
  const decomp = decompressor(encoding.trim().toLowerCase(), url);
  try {
    if (decomp) await pipeline(body, decomp, sink);
    else await pipeline(body, sink);
  } catch (err) {
    body.destroy();
    throw bodyError(err, url);
  }
  return Buffer.concat(chunks, size);
}

/** Maps a failure while reading a body to Pressline's errors. */
export function bodyError(err: unknown, url: string): PresslineError {
  if (err instanceof PresslineError) return err;
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'UND_ERR_BODY_TIMEOUT' || e.name === 'TimeoutError' || e.name === 'AbortError')
    return new TransientError(
      'ERR_FETCH_TIMEOUT',
      `GET ${url}: the body stalled or took too long (${e.message})`,
      { cause: err },
    );
  if (typeof e.code === 'string' && e.code.startsWith('Z_'))
    return new PermanentError(
      'ERR_FETCH_DECODE',
      `GET ${url}: the compressed body is corrupt (${e.message})`,
      { cause: err },
    );
  return new TransientError(
    'ERR_FETCH_NETWORK',
    `GET ${url}: the connection failed while reading the body (${e.message})`,
    { cause: err },
  );
}

export { tooLarge };
