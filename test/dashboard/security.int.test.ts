import { Worker } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { startDashboard } from '../../src/dashboard/server.js';
import { fileInput, urlInput } from '../../src/inputs.js';
import { formatSinkHealth, sinkHealth } from '../../src/queues/delivery-health.js';
import { eventually, testPipeline } from '../helpers/pipeline.js';
import { enqueueFetch } from '../../src/queues/producer.js';
import {
  csrfOf,
  dashboardUnderTest,
  fixture,
  flakySite,
  TRANSCRIPTS,
  until,
  type DashboardUnderTest,
  type FlakySite,
} from '../helpers/dashboard.js';
import { rawRequest } from '../helpers/raw-http.js';

describe('the dashboard under attack', { timeout: 90_000 }, () => {
  let d: DashboardUnderTest | undefined;
  let site: FlakySite | undefined;
  afterEach(async () => {
    await d?.close();
    await site?.close();
    d = site = undefined;
  });

  const at = (path: string) => new URL(path, d!.url).toString();
  const port = () => new URL(d!.url).port;

  it('refuses a rebound Host name: no page, no CSRF token, no action, no Bull Board API', async () => {
    d = await dashboardUnderTest();
    site = await flakySite('x');
    const input = urlInput(site.url('/gone'));
    await enqueueFetch(d.p.app.queues, d.p.app.status, input);
    await until(d.p, input.job.docId, 'failed');
    const token = csrfOf((await rawRequest(at('/'))).body);
    const evil = `attacker.example:${port()}`;
    const page = await rawRequest(at('/'), { headers: { host: evil } });
    expect(page.status).toBe(421);
    expect(page.body).not.toContain('_csrf');
    expect(page.body).toMatch(/DASHBOARD_ALLOWED_HOSTS/);
    expect((await rawRequest(at('/queues/api/queues'), { headers: { host: evil } })).status).toBe(421);
    const post = await rawRequest(at('/actions/retry-stage'), {
      method: 'POST',
      headers: {
        host: evil,
        origin: `http://${evil}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ stage: 'fetch', _csrf: token }).toString(),
    });
    expect(post.status).toBe(421);
    expect((await d.p.app.status.get(input.job.docId))?.state).toBe('failed');
    // Probes still answer whatever name they use.
    expect((await rawRequest(at('/healthz'), { headers: { host: evil } })).status).toBe(200);
  });

  it('accepts loopback names, address literals and the hosts in DASHBOARD_ALLOWED_HOSTS', async () => {
    d = await dashboardUnderTest({ dashboardAllowedHosts: ['pressline.example.org'] }, { workers: false });
    for (const host of [
      `127.0.0.1:${port()}`,
      `localhost:${port()}`,
      `[::1]:${port()}`,
      'pressline.example.org',
      `PRESSLINE.example.org:${port()}`,
    ])
      expect((await rawRequest(at('/'), { headers: { host } })).status, host).toBe(200);
    for (const host of ['pressline.example.org.evil.example', 'example.org', 'localhost.evil.example'])
      expect((await rawRequest(at('/'), { headers: { host } })).status, host).toBe(421);
  });

  it('checks Origin against the allowed hosts, not against the request Host', async () => {
    d = await dashboardUnderTest({ dashboardAllowedHosts: ['pressline.example.org'] }, { workers: false });
    await d.p.app.status.stage('file:x', 'fetch', {
      state: 'failed',
      at: new Date().toISOString(),
      code: 'ERR_FETCH_STATUS',
      error: 'GET http://h/x answered 404',
    });
    const token = csrfOf((await rawRequest(at('/'))).body);
    const send = (host: string, origin: string) =>
      rawRequest(at('/actions/retry-stage'), {
        method: 'POST',
        headers: { host, origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ stage: 'fetch', _csrf: token }).toString(),
      });
    expect((await send('pressline.example.org', 'https://pressline.example.org')).status).toBe(303);
    expect((await send('pressline.example.org', 'http://other.example')).status).toBe(403);
    expect((await send(`127.0.0.1:${port()}`, `http://127.0.0.1:${port()}`)).status).toBe(303);
    // Another local server (another port on this machine) is another origin.
    expect((await send(`127.0.0.1:${port()}`, 'http://127.0.0.1:1')).status).toBe(403);
  });

  it('lets Bull Board retry, clean, promote and remove jobs, and nothing else', async () => {
    d = await dashboardUnderTest({ dashboardQueueActions: true }, { workers: false });
    const fetchQueue = d.p.app.queues.all().find((q) => q.name === 'fetch')!;
    const job = await fetchQueue.add('fetch', { harmless: true }, { delay: 60_000 });
    const origin = new URL(d.url).origin;
    const call = (method: string, path: string, body?: unknown) =>
      fetch(at(`/queues/api/queues/fetch${path}`), {
        method,
        headers: { origin, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const internal = {
      docId: 'x',
      traceId: 't',
      target: { kind: 'url', url: 'http://10.0.0.1/', allowPrivate: true },
    };
    const refused: [string, string, unknown?][] = [
      ['POST', '/add', { name: 'fetch', data: internal, options: {} }],
      ['PATCH', `/${job.id}/update-data`, { jobData: internal }],
      ['PUT', '/empty'],
      ['PUT', '/obliterate'],
      ['PUT', '/pause'],
      ['PUT', '/concurrency', { concurrency: 100 }],
      ['PUT', '/rate-limit', { max: 1, duration: 1000 }],
      ['PATCH', `/${job.id}/delay`, { delay: 1 }],
    ];
    for (const [method, path, body] of refused)
      expect((await call(method, path, body)).status, `${method} ${path}`).toBe(403);
    expect((await fetch(at('/queues/api/queues/pause'), { method: 'PUT', headers: { origin } })).status).toBe(
      403,
    );
    expect(await fetchQueue.count()).toBe(1);
    expect((await fetchQueue.getJob(job.id!))?.data).toEqual({ harmless: true });
    expect(await fetchQueue.isPaused()).toBe(false);

    expect((await call('PUT', `/${job.id}/promote`)).status).toBe(204);
    expect((await call('PUT', '/promote')).status).toBeLessThan(300);
    expect((await call('PUT', '/retry/failed')).status).toBeLessThan(300);
    expect((await call('PUT', '/clean/failed')).status).toBeLessThan(300);
    expect((await call('PUT', `/${job.id}/clean`)).status).toBeLessThan(300);
    expect(await fetchQueue.getJob(job.id!)).toBeUndefined();
  });

  it('shows a failing webhook with its host, never its credentials: pages, Bull Board, pressline status', async () => {
    d = await dashboardUnderTest({
      webhookUrl: 'http://ops:hunter2@127.0.0.1:1/in?token=sekrit',
      webhookSecret: `whsec_${Buffer.from('a-test-secret-of-32-bytes-length').toString('base64')}`,
      deliverMaxBackoffMs: 60_000,
    });
    const input = await fileInput(fixture(TRANSCRIPTS[0]));
    await enqueueFetch(d.p.app.queues, d.p.app.status, input);
    const webhookRow = async () => {
      const health = await sinkHealth(d!.p.app.queues.all());
      return health.find((h) => h.sink === 'webhook' && h.lastError) ? health : undefined;
    };
    const health = await eventually(webhookRow, 20_000, 'a webhook delivery error');
    const shown = [
      formatSinkHealth(health).join('\n'),
      await (await fetch(at('/'))).text(),
      await (await fetch(at(`/doc?id=${encodeURIComponent(input.job.docId)}`))).text(),
      await (await fetch(at('/queues/api/queues?activeQueue=deliver-webhook&status=latest'))).text(),
      await (await fetch(at('/api/overview'))).text(),
    ];
    expect(shown[0]).toContain('127.0.0.1:1');
    expect(shown[3]).toContain('http://***@127.0.0.1:1/in?token=***');
    for (const text of shown) expect(text).not.toMatch(/hunter2|sekrit/);
  });

  it('masks credentials in a failed reason Bull Board shows, whatever error wrote it', async () => {
    d = await dashboardUnderTest({}, { workers: false });
    const queue = d.p.app.queues.all().find((q) => q.name === 'discover')!;
    const worker = new Worker(
      queue.name,
      () => {
        throw new Error('POST http://ops:hunter2@10.0.0.9/in?token=sekrit refused');
      },
      { connection: queue.opts.connection, prefix: queue.opts.prefix },
    );
    try {
      await queue.add('x', {}, { attempts: 1 });
      await eventually(async () => ((await queue.getFailedCount()) ? true : undefined));
    } finally {
      await worker.close();
    }
    const api = await (await fetch(at('/queues/api/queues?activeQueue=discover&status=failed'))).text();
    expect(api).toContain('POST http://***@10.0.0.9/in?token=*** refused');
    expect(api).not.toMatch(/hunter2|sekrit/);
  });

  it('redirects after an action only to a path of this dashboard, never off-site', async () => {
    d = await dashboardUnderTest({}, { workers: false });
    await d.p.app.status.stage('file:x', 'fetch', {
      state: 'failed',
      at: new Date().toISOString(),
      code: 'ERR_FETCH_STATUS',
      error: 'GET http://h/x answered 404',
    });
    const token = csrfOf(await (await fetch(d.url)).text());
    for (const back of [
      '/.//evil.example',
      '/\\evil.example',
      '//evil.example',
      '/./\\evil.example',
      '/doc?id=x',
    ]) {
      const res = await fetch(at('/actions/retry-stage'), {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: new URL(d.url).origin },
        body: new URLSearchParams({ stage: 'fetch', _csrf: token, back }),
      });
      const location = res.headers.get('location') ?? '';
      expect(new URL(location, d.url).origin, back).toBe(new URL(d.url).origin);
      expect(location, back).toMatch(/^\/(?![/\\])/);
    }
  });

  it('keeps a derived value, not the token, in the auth cookie, marked Secure behind a trusted TLS proxy', async () => {
    const start = async (overrides: Partial<Config>) => {
      const p = await testPipeline({ dashboardToken: 's3cret-token', ...overrides });
      const dash = await startDashboard(p.app, { host: '127.0.0.1', port: 0 });
      return { url: dash.url, close: async () => (await dash.close(), await p.cleanup()) };
    };
    const plain = await start({});
    try {
      const res = await fetch(`${plain.url}?token=s3cret-token`, {
        redirect: 'manual',
        headers: { 'x-forwarded-proto': 'https' },
      });
      const setCookie = res.headers.get('set-cookie') ?? '';
      expect(setCookie).not.toContain('s3cret-token');
      expect(setCookie).not.toMatch(/;\s*Secure/i);
      const cookie = setCookie.split(';')[0]!;
      expect((await fetch(plain.url, { headers: { cookie } })).status).toBe(200);
      const raw = 'pressline_token=s3cret-token';
      expect((await fetch(plain.url, { headers: { cookie: raw } })).status).toBe(401);
    } finally {
      await plain.close();
    }
    const proxied = await start({ dashboardTrustProxy: true });
    try {
      const res = await fetch(`${proxied.url}?token=s3cret-token`, {
        redirect: 'manual',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    } finally {
      await proxied.close();
    }
  });

  it('serves Bull Board pages with a CSP that runs only its own scripts', async () => {
    d = await dashboardUnderTest({}, { workers: false });
    for (const path of ['/queues', '/queues/queue/fetch', '/queues/api/queues']) {
      const csp = (await fetch(at(path))).headers.get('content-security-policy') ?? '';
      const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1];
      expect(scriptSrc, path).toBe("'self'");
      expect(csp, path).toMatch(/default-src 'self'/);
      expect(csp, path).toMatch(/object-src 'none'/);
    }
  });
});
