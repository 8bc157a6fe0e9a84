import { request } from 'undici';
import { PermanentError, TransientError } from '../errors.js';

export interface HttpOptions {
  userAgent: string;
  timeoutMs: number;
  bodyTimeoutMs: number;
  maxBytes: number;
}

export interface HttpResponse {
  url: string;
  status: number;
  contentType: string;
  bytes: Buffer;
}

/** GETs `url` with timeouts and a size cap; 5xx and network errors are transient, other 4xx are not. */
export async function httpGet(url: string, opts: HttpOptions): Promise<HttpResponse> {
  let res;
  try {
    res = await request(url, {
      method: 'GET',
      headers: { 'user-agent': opts.userAgent, accept: 'text/html,application/json,text/plain;q=0.9,*/*;q=0.5' },
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.bodyTimeoutMs,
    });
  } catch (cause) {
    throw new TransientError('ERR_FETCH_NETWORK', `GET ${url} failed: ${(cause as Error).message}`, { cause });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.length;
    if (size > opts.maxBytes) {
      res.body.destroy();
      throw new PermanentError('ERR_FETCH_TOO_LARGE', `GET ${url}: body exceeds ${opts.maxBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  const details = { status: res.statusCode, url };
  if (res.statusCode >= 500 || res.statusCode === 429)
    throw new TransientError('ERR_FETCH_STATUS', `GET ${url} answered ${res.statusCode}`, { details });
  if (res.statusCode >= 400) throw new PermanentError('ERR_FETCH_STATUS', `GET ${url} answered ${res.statusCode}`, { details });
  const ct = res.headers['content-type'];
  return { url, status: res.statusCode, contentType: (Array.isArray(ct) ? ct[0] : ct) ?? 'application/octet-stream', bytes: Buffer.concat(chunks) };
}
