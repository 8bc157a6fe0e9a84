import { Agent, request, type Dispatcher } from 'undici';
import { PermanentError, PresslineError, TransientError } from '../errors.js';
import type { Logger } from '../logger.js';
import { fetchResponses } from '../metrics.js';
import { bodyError, readBody, tooLarge } from './body.js';
import { checkLength, Exchange } from './framing.js';
import { checkLiteralHost, guardedLookup, systemResolver, type Resolver } from './guard.js';
import { MemoryHostLimiter, type HostLimiter, type Permit } from './limiter.js';
import { productToken, Robots, RobotsCache } from './robots.js';

/** How the client behaves; every field comes from a setting in src/config.ts. */
export interface HttpOptions {
  /** An honest User-Agent with a contact URL. */
  userAgent: string;
  /** Connect and response-header timeout. @defaultValue 30000 */
  timeoutMs: number;
  /** Longest pause between two body chunks. @defaultValue 60000 */
  bodyTimeoutMs: number;
  /** Longest one request may take, body included (a body that trickles forever). @defaultValue 120000 */
  totalTimeoutMs: number;
  /** Largest body accepted, after decompression. @defaultValue 10 MiB */
  maxBytes: number;
  /** Redirects followed before failing. @defaultValue 5 */
  maxRedirects: number;
  /** Tries after the first, in this call, on network errors, 429 and 5xx. @defaultValue 3 */
  retries: number;
  /** First backoff delay (doubles each try, with jitter). @defaultValue 500 */
  retryBaseMs: number;
  /** A Retry-After longer than this is not waited for here: the job fails and its queue retries later. @defaultValue 60000 */
  maxRetryAfterMs: number;
  /** Obey robots.txt. @defaultValue true */
  respectRobots: boolean;
  /** Fetch private, loopback and link-local addresses for every source. @defaultValue false */
  allowPrivate: boolean;
}

export interface GetOptions {
  /** This source may reach private addresses (FETCH_ALLOW_PRIVATE=true lets every request). */
  allowPrivate?: boolean;
  /** Validators of the copy we hold: the server may answer 304 Not Modified. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  log?: Logger;
}

export interface HttpResponse {
  /** The URL asked for, and the one that answered after redirects. */
  url: string;
  finalUrl: string;
  /** 200 (or another 2xx), or 304 when the validators matched. */
  status: number;
  notModified: boolean;
  contentType: string;
  bytes: Buffer;
  etag: string | null;
  lastModified: string | null;
}

export interface HttpDeps {
  limiter?: HostLimiter;
  /** DNS resolver (tests inject one to show that a host resolving to 127.0.0.1 is refused). */
  resolver?: Resolver;
}

const header = (h: Dispatcher.ResponseData['headers'], name: string): string | null => {
  const v = h[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Retry-After in ms (seconds or an HTTP date), or null. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Backoff before try `n` (1-based): exponential, full jitter in the upper half. */
export const backoffMs = (n: number, baseMs: number): number => {
  const cap = baseMs * 2 ** (n - 1);
  return Math.round(cap / 2 + Math.random() * (cap / 2));
};

const DEFAULT_ACCEPT =
  'text/html,application/xhtml+xml,application/json;q=0.9,application/xml;q=0.9,*/*;q=0.5';

/** The error an HTTP status means: 429 and 5xx are retried (honouring Retry-After), others not. */
function statusError(status: number, url: string, after: number | null): PresslineError {
  if (status === 429 || status >= 500)
    return new TransientError(
      'ERR_FETCH_STATUS',
      `GET ${url} answered ${status}${after !== null ? ` (Retry-After ${after} ms)` : ''}`,
      { details: { status, url, ...(after !== null ? { retryAfterMs: after } : {}) } },
    );
  const why =
    status === 404 || status === 410
      ? 'the page does not exist'
      : status === 401 || status === 403
        ? 'access is refused'
        : 'the request was refused';
  return new PermanentError('ERR_FETCH_STATUS', `GET ${url} answered ${status}: ${why}; not retried`, {
    details: { status, url },
  });
}

function requestError(err: unknown, url: string): PresslineError {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    if (e instanceof PresslineError) return e;
    if ((e as { code?: string }).code === 'ERR_FETCH_PRIVATE_ADDRESS') return e as PresslineError;
    e = (e as { cause?: unknown }).cause;
  }
  const x = err as NodeJS.ErrnoException;
  if (
    x.code === 'UND_ERR_CONNECT_TIMEOUT' ||
    x.code === 'UND_ERR_HEADERS_TIMEOUT' ||
    x.name === 'TimeoutError'
  )
    return new TransientError('ERR_FETCH_TIMEOUT', `GET ${url}: no answer in time (${x.message})`, {
      cause: err,
    });
  const why = x.code && !x.message.includes(x.code) ? `${x.code} ${x.message}` : x.message;
  return new TransientError('ERR_FETCH_NETWORK', `GET ${url} failed: ${why}`, { cause: err });
}

/**
 * The fetch client: one keep-alive agent per address policy (shared by every request of
 * the process), per-host politeness through a {@link HostLimiter}, robots.txt, redirects
 * followed by hand (each hop checked again), conditional GET, retries with backoff and
 * jitter that honour Retry-After, timeouts, a body cap and bounded decompression.
 */
export class HttpClient {
  private readonly strict: Agent;
  private readonly open: Agent;
  private readonly robots: RobotsCache;
  readonly limiter: HostLimiter;

  constructor(
    readonly opts: HttpOptions,
    deps: HttpDeps = {},
    shared?: { strict: Agent; open: Agent; robots: RobotsCache },
  ) {
    this.limiter = deps.limiter ?? new MemoryHostLimiter({ minIntervalMs: 1000, concurrency: 2 });
    const agent = (allowPrivate: boolean) =>
      new Agent({
        keepAliveTimeout: 10_000,
        connections: 16,
        headersTimeout: opts.timeoutMs,
        bodyTimeout: opts.bodyTimeoutMs,
        connect: {
          timeout: opts.timeoutMs,
          lookup: guardedLookup(allowPrivate, deps.resolver ?? systemResolver),
        } as never,
      });
    this.strict = shared?.strict ?? agent(false);
    this.open = shared?.open ?? agent(true);
    this.robots = shared?.robots ?? new RobotsCache();
  }

  /** The same agents and robots cache with another limiter (the App swaps in the Redis one). */
  withLimiter(limiter: HostLimiter): HttpClient {
    return new HttpClient(
      this.opts,
      { limiter },
      { strict: this.strict, open: this.open, robots: this.robots },
    );
  }

  /** GETs `url`, retrying transient failures in this call; throws a Transient or PermanentError. */
  async get(url: string, o: GetOptions = {}): Promise<HttpResponse> {
    for (let n = 1; ; n++) {
      try {
        return await this.once(url, o, true);
      } catch (err) {
        const e = err instanceof PresslineError ? err : requestError(err, url);
        if (!e.retryable || n > this.opts.retries) throw e;
        const after = typeof e.details.retryAfterMs === 'number' ? e.details.retryAfterMs : null;
        if (after !== null && after > this.opts.maxRetryAfterMs) throw e;
        const wait = after ?? backoffMs(n, this.opts.retryBaseMs);
        o.log?.warn({ url, code: e.code, try: n, waitMs: wait }, 'fetch failed, retrying');
        await sleep(wait);
      }
    }
  }

  /** One GET with its redirects followed by hand, each hop checked again (scheme, address, robots). */
  private async once(url: string, o: GetOptions, obeyRobots: boolean): Promise<HttpResponse> {
    const allowPrivate = this.opts.allowPrivate || Boolean(o.allowPrivate);
    let current = url;
    for (let hop = 0; hop <= this.opts.maxRedirects; hop++) {
      const u = new URL(current);
      await this.checkHop(u, current, allowPrivate, obeyRobots);
      const permit = await this.limiter.acquire(u.host);
      try {
        const res = await this.send(current, o, allowPrivate, permit);
        fetchResponses.inc({ host: u.host, status: String(res.statusCode) });
        const location = header(res.headers, 'location');
        if (res.statusCode >= 300 && res.statusCode < 400 && res.statusCode !== 304 && location) {
          await res.body.dump();
          current = new URL(location, current).toString();
          continue;
        }
        return await this.answer(res, url, current);
      } finally {
        await permit.release().catch(() => {});
      }
    }
    throw new PermanentError(
      'ERR_FETCH_REDIRECTS',
      `GET ${url}: more than ${this.opts.maxRedirects} redirects (FETCH_MAX_REDIRECTS); last was ${current}`,
      { details: { url, last: current } },
    );
  }

  /** Refuses a hop before any request: another scheme, a literal private address, robots.txt. */
  private async checkHop(u: URL, current: string, allowPrivate: boolean, obeyRobots: boolean): Promise<void> {
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      throw new PermanentError('ERR_FETCH_SCHEME', `GET ${current}: only http and https URLs are fetched`);
    checkLiteralHost(u, allowPrivate);
    if (!obeyRobots || !this.opts.respectRobots) return;
    const robots = await this.robots
      .get(`${allowPrivate ? 'open' : 'strict'} ${u.origin}`, (key) => this.loadRobots(key))
      .catch((err: unknown) => {
        const e = err instanceof PresslineError ? err : requestError(err, `${u.origin}/robots.txt`);
        if (e.code === 'ERR_FETCH_PRIVATE_ADDRESS') throw e;
        const Cls = e.retryable ? TransientError : PermanentError;
        throw new Cls(
          e.code,
          `GET ${current} failed: ${u.origin} is unreachable (robots.txt: ${e.message})`,
          {
            cause: e,
            details: e.details,
          },
        );
      });
    const agent = productToken(this.opts.userAgent);
    if (!robots.isAllowed(agent, u.pathname + u.search))
      throw new PermanentError(
        'ERR_FETCH_ROBOTS',
        `GET ${current}: disallowed by ${u.origin}/robots.txt for ${agent}`,
        { details: { url: current } },
      );
  }

  /** Sends the request through the agent of the address policy; the permit learns when it was sent. */
  private async send(
    current: string,
    o: GetOptions,
    allowPrivate: boolean,
    permit: Permit,
  ): Promise<Dispatcher.ResponseData<Exchange>> {
    try {
      return await request(current, {
        method: 'GET',
        dispatcher: allowPrivate ? this.open : this.strict,
        headers: {
          'user-agent': this.opts.userAgent,
          accept: o.accept ?? DEFAULT_ACCEPT,
          'accept-encoding': 'gzip, deflate, br',
          ...(o.etag ? { 'if-none-match': o.etag } : {}),
          ...(o.lastModified ? { 'if-modified-since': o.lastModified } : {}),
        },
        signal: AbortSignal.timeout(this.opts.totalTimeoutMs),
        opaque: new Exchange(),
      });
    } catch (err) {
      throw requestError(err, current);
    } finally {
      // Headers back (or a failure): the request has reached the server, if it ever will.
      await permit.sent();
    }
  }

  /** A final (non-redirect) answer → the response, or the error its status means. */
  private async answer(
    res: Dispatcher.ResponseData<Exchange>,
    url: string,
    current: string,
  ): Promise<HttpResponse> {
    const status = res.statusCode;
    const meta = {
      url,
      finalUrl: current,
      status,
      etag: header(res.headers, 'etag'),
      lastModified: header(res.headers, 'last-modified'),
    };
    if (status === 304) {
      await res.body.dump();
      const contentType = header(res.headers, 'content-type') ?? '';
      return { ...meta, notModified: true, contentType, bytes: Buffer.alloc(0) };
    }
    if (status >= 300) {
      await res.body.dump().catch(() => {});
      throw statusError(status, current, retryAfterMs(header(res.headers, 'retry-after')));
    }
    const length = Number(header(res.headers, 'content-length') ?? NaN);
    const encoding = header(res.headers, 'content-encoding') ?? '';
    if (!encoding && length > this.opts.maxBytes) {
      res.body.destroy();
      throw tooLarge(current, this.opts.maxBytes);
    }
    let bytes: Buffer;
    try {
      bytes = await readBody(res.body, encoding, this.opts.maxBytes, current);
    } catch (err) {
      throw bodyError(err, current);
    }
    if (Number.isFinite(length)) checkLength(res.opaque, length, current);
    const contentType = header(res.headers, 'content-type') ?? 'application/octet-stream';
    return { ...meta, notModified: false, contentType, bytes };
  }

  private async loadRobots(key: string): Promise<Robots> {
    const [policy, origin] = key.split(' ') as [string, string];
    try {
      const res = await this.once(
        `${origin}/robots.txt`,
        { allowPrivate: policy === 'open', accept: 'text/plain' },
        false,
      );
      return Robots.parse(res.bytes.subarray(0, 512 * 1024).toString('utf8'));
    } catch (err) {
      // No robots.txt (4xx) allows everything; a 5xx or a network error is retried later.
      if (err instanceof PermanentError && err.code === 'ERR_FETCH_STATUS') return Robots.allowAll();
      throw err;
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.strict.close(), this.open.close()]);
  }
}
