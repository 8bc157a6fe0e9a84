import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../src/fetch/http.js';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server.js';
import { failure, testClient } from '../helpers/http-client.js';

let site: FixtureSite;
let client: HttpClient;

beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(async () => {
  await site.close();
});
beforeEach(() => {
  site.log.length = 0;
  site.state.hits.clear();
  client = testClient();
});

const open = { allowPrivate: true };

describe('the fetch client against the fixture site', () => {
  it('sends an honest User-Agent, reads robots.txt once per host, and refuses what it disallows', async () => {
    const ok = await client.get(`${site.url}/news/one`, open);
    expect(ok.status).toBe(200);
    await client.get(`${site.url}/news/two`, open);
    const err = await failure(client.get(`${site.url}/private/secret`, open));
    expect(err.code).toBe('ERR_FETCH_ROBOTS');
    expect(err.retryable).toBe(false);
    expect(site.requests('/robots.txt')).toHaveLength(1);
    expect(site.requests('/private/')).toHaveLength(0);
    expect(new Set(site.log.map((l) => l.userAgent))).toEqual(
      new Set(['Pressline/0.1 (+https://example.invalid/pressline-tests)']),
    );
  });

  it('retries 500s with backoff and returns the page once the server recovers', async () => {
    const res = await client.get(`${site.url}/fault/flaky`, open);
    expect(res.bytes.toString()).toContain('Back up.');
    expect(site.requests('/fault/flaky').map((l) => l.status)).toEqual([500, 500, 200]);
  });

  it('fails a host that keeps answering 503 as retryable, after the configured tries', async () => {
    const err = await failure(client.get(`${site.url}/fault/always-500`, open));
    expect(err.code).toBe('ERR_FETCH_STATUS');
    expect(err.retryable).toBe(true);
    expect(site.requests('/fault/always-500')).toHaveLength(3);
  });

  it('waits as long as a 429 Retry-After asks before trying again', async () => {
    const res = await client.get(`${site.url}/fault/429`, open);
    expect(res.status).toBe(200);
    const [first, second] = site.requests('/fault/429');
    expect(first?.status).toBe(429);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('fails other 4xx at once, without retrying, with the status in the reason', async () => {
    const err = await failure(client.get(`${site.url}/fault/410`, open));
    expect(err.code).toBe('ERR_FETCH_STATUS');
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('410');
    expect(site.requests('/fault/410')).toHaveLength(1);
  });

  it('gives up on a body that stalls, as a retryable timeout', async () => {
    const err = await failure(testClient({ retries: 0 }).get(`${site.url}/fault/slow-body`, open));
    expect(err.code).toBe('ERR_FETCH_TIMEOUT');
    expect(err.retryable).toBe(true);
  });

  it('refuses a 50 MB body, announced or streamed, without keeping it', async () => {
    const announced = await failure(client.get(`${site.url}/fault/huge`, open));
    expect(announced.code).toBe('ERR_FETCH_TOO_LARGE');
    const streamed = await failure(client.get(`${site.url}/fault/huge-chunked`, open));
    expect(streamed.code).toBe('ERR_FETCH_TOO_LARGE');
    expect(streamed.retryable).toBe(false);
  });

  it('stops a redirect loop at the redirect cap, and follows a single redirect', async () => {
    const err = await failure(client.get(`${site.url}/fault/loop`, open));
    expect(err.code).toBe('ERR_FETCH_REDIRECTS');
    expect(site.requests('/fault/loop')).toHaveLength(4);
    const moved = await client.get(`${site.url}/fault/redirect-once`, open);
    expect(moved.finalUrl).toBe(`${site.url}/news/moved-here`);
  });

  it('decompresses gzip, and stops a gzip bomb at the size cap', async () => {
    const ok = await client.get(`${site.url}/fault/gzip-ok`, open);
    expect(ok.bytes.toString()).toContain('Compressed remarks.');
    const err = await failure(client.get(`${site.url}/fault/gzip-bomb`, open));
    expect(err.code).toBe('ERR_FETCH_TOO_LARGE');
  });

  it('asks with the validators it holds and gets a 304 for an unchanged page', async () => {
    const path = `/eeas/${site.state.eeas[0]?.slug}`;
    const first = await client.get(`${site.url}${path}`, open);
    expect(first.etag).toBeTruthy();
    const again = await client.get(`${site.url}${path}`, {
      ...open,
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(again.notModified).toBe(true);
    expect(site.requests(path).map((l) => l.status)).toEqual([200, 304]);
  });
});

describe('the SSRF guard', () => {
  it('refuses a loopback address unless the source allows private addresses', async () => {
    const err = await failure(client.get(`${site.url}/news/one`));
    expect(err.code).toBe('ERR_FETCH_PRIVATE_ADDRESS');
    expect(err.retryable).toBe(false);
    expect(site.log).toHaveLength(0);
  });

  it('refuses a host name that resolves to 127.0.0.1, checking the address it connects to', async () => {
    const byLocalhost = await failure(
      testClient({ respectRobots: false }).get(`http://localhost:${site.port}/news/one`),
    );
    expect(byLocalhost.code).toBe('ERR_FETCH_PRIVATE_ADDRESS');
    const resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const rebinding = testClient({}, resolver);
    const err = await failure(rebinding.get(`http://press.example:${site.port}/news/one`));
    expect(err.code).toBe('ERR_FETCH_PRIVATE_ADDRESS');
    expect(err.message).toContain('127.0.0.1');
    expect(site.log).toHaveLength(0);
    // Allowed, the connection goes to the address the guard resolved and checked.
    const res = await rebinding.get(`http://press.example:${site.port}/news/one`, open);
    expect(res.status).toBe(200);
    expect(site.requests('/news/one')[0]?.host).toBe(`press.example:${site.port}`);
  });
});
