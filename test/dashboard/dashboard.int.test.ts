import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDashboard } from '../../src/dashboard/server.js';
import { fileInput, urlInput } from '../../src/inputs.js';
import { enqueueFetch } from '../../src/queues/producer.js';
import { eventually, testPipeline } from '../helpers/pipeline.js';
import {
  csrfOf,
  dashboardUnderTest,
  fixture,
  flakySite,
  sample,
  TRANSCRIPTS,
  until,
  type DashboardUnderTest,
  type FlakySite,
} from '../helpers/dashboard.js';

const SCRIPT = '<script>window.pwned=1</script>';

describe('the dashboard server', { timeout: 90_000 }, () => {
  let d: DashboardUnderTest | undefined;
  let site: FlakySite | undefined;
  let tmp: string | undefined;
  afterEach(async () => {
    await d?.close();
    await site?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
    d = site = tmp = undefined;
  });

  const get = (path: string, init?: RequestInit) =>
    fetch(new URL(path, d!.url), { redirect: 'manual', ...init });
  const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
    get(path, {
      method: 'POST',
      body: new URLSearchParams(form),
      headers: { origin: new URL(d!.url).origin, ...headers },
    });

  it('renders a script in a transcript title or text as inert text on every page', async () => {
    d = await dashboardUnderTest();
    tmp = await mkdtemp(join(tmpdir(), 'pressline-xss-'));
    const file = join(tmp, 'hostile.txt');
    await writeFile(
      file,
      `Remarks ${SCRIPT}\nBrussels, 01/02/2026\nGood morning. We agreed on ${SCRIPT} 3 billion euro today.\n`,
    );
    const input = await fileInput(file);
    const docId = input.job.docId;
    await enqueueFetch(d.p.app.queues, d.p.app.status, input);
    await until(d.p, docId, 'published');
    // The title is what the extractor found in the page; a hostile page can put anything there.
    await d.p.app.status.stage(
      docId,
      'clean',
      { state: 'completed', at: new Date().toISOString(), ms: 1 },
      { title: `Press remarks ${SCRIPT}` },
    );

    for (const path of [
      '/',
      `/doc?id=${encodeURIComponent(docId)}`,
      '/search?q=pwned',
      '/fragments/pipeline',
      `/fragments/doc?id=${encodeURIComponent(docId)}`,
      `/search?q=${encodeURIComponent(SCRIPT)}`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      const page = await res.text();
      expect(page, path).not.toContain('<script>window');
      if (!path.startsWith('/fragments/doc'))
        expect(page, path).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;');
      expect(res.headers.get('content-security-policy'), path).toMatch(/script-src 'nonce-[\w-]+'/);
    }
  });

  it('moves the /metrics counters with processed jobs and reports queue depths', async () => {
    d = await dashboardUnderTest();
    const before = await (await get('/metrics')).text();
    const inputs = await Promise.all(TRANSCRIPTS.slice(0, 2).map((f) => fileInput(fixture(f))));
    for (const input of inputs) await enqueueFetch(d.p.app.queues, d.p.app.status, input);
    for (const input of inputs) await until(d.p, input.job.docId, 'published');
    const res = await get('/metrics');
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const after = await res.text();
    for (const stage of ['fetch', 'clean', 'segment', 'figures', 'publish', 'deliver-jsonl']) {
      expect(
        sample(after, 'pressline_jobs_processed_total', { stage }) -
          sample(before, 'pressline_jobs_processed_total', { stage }),
        stage,
      ).toBe(2);
      expect(
        sample(after, 'pressline_job_duration_seconds_count', { stage }) -
          sample(before, 'pressline_job_duration_seconds_count', { stage }),
        stage,
      ).toBe(2);
    }
    expect(
      sample(after, 'pressline_sink_deliveries_total', { sink: 'jsonl', outcome: 'written' }) -
        sample(before, 'pressline_sink_deliveries_total', { sink: 'jsonl', outcome: 'written' }),
    ).toBe(2);
    expect(sample(after, 'pressline_queue_jobs', { queue: 'fetch', state: 'completed' })).toBe(2);
    expect(sample(after, 'pressline_queue_jobs', { queue: 'deliver-jsonl', state: 'completed' })).toBe(2);
    expect(after).toContain('pressline_queue_jobs{queue="publish",state="waiting"} 0');
    const overview = (await (await get('/api/overview')).json()) as {
      queues: { queue: string; completedPerMinute: number[]; latency: { samples: number } | null }[];
    };
    const publish = overview.queues.find((q) => q.queue === 'publish');
    expect(publish?.completedPerMinute.reduce((x, y) => x + y, 0)).toBe(2);
    expect(publish?.latency?.samples).toBe(2);
  });

  it('counts failures by stage and fetch status codes by host', async () => {
    d = await dashboardUnderTest();
    site = await flakySite('Remarks\nGood morning.\n');
    const before = await (await get('/metrics')).text();
    const input = urlInput(site.url('/briefing-404'));
    await enqueueFetch(d.p.app.queues, d.p.app.status, input);
    await until(d.p, input.job.docId, 'failed');
    const after = await (await get('/metrics')).text();
    const failed = (m: string) => sample(m, 'pressline_jobs_failed_total', { stage: 'fetch', final: 'true' });
    expect(failed(after) - failed(before)).toBe(1);
    expect(after).toMatch(/pressline_fetch_responses_total\{host="127\.0\.0\.1:\d+",status="404"\} [1-9]/);
  });

  it('shows a failed document with its stage and HTTP status, and a retry brings it to published', async () => {
    d = await dashboardUnderTest();
    site = await flakySite((await import('node:fs')).readFileSync(fixture('ecb-hearing.txt'), 'utf8'));
    const input = urlInput(site.url('/hearing-2026-05'));
    await enqueueFetch(d.p.app.queues, d.p.app.status, input);
    await until(d.p, input.job.docId, 'failed');

    const page = await (await get('/')).text();
    expect(page).toMatch(/<tr class="failed-doc" data-doc="[^"]+">/);
    expect(page).toContain('HTTP 404');
    expect(page).toContain('ERR_FETCH_STATUS');
    const overview = (await (await get('/api/overview')).json()) as {
      failedTotal: number;
      queues: {
        queue: string;
        counts: { failed: number };
        failedPerMinute: number[];
        completedPerMinute: number[];
      }[];
    };
    expect(overview.failedTotal).toBe(1);
    const fetchStats = overview.queues.find((q) => q.queue === 'fetch');
    expect(fetchStats?.counts.failed).toBe(1);
    expect(fetchStats?.failedPerMinute.reduce((x, y) => x + y, 0)).toBe(1);
    expect(fetchStats?.completedPerMinute.reduce((x, y) => x + y, 0)).toBe(0);

    site.fix();
    const res = await post('/actions/retry-document', {
      _csrf: csrfOf(page),
      docId: input.job.docId,
      stage: 'fetch',
      back: '/',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/\?notice=Retried/);
    await until(d.p, input.job.docId, 'published');
    expect(await d.p.app.status.failedCount()).toBe(0);
    const doc = await (await get(`/doc?id=${encodeURIComponent(input.job.docId)}`)).text();
    expect(doc).toContain('<div class="seg ');
    expect(doc).toContain('<mark class="fig');
  });

  it('shows each schema path and message of a job that fails validation', async () => {
    d = await dashboardUnderTest();
    const bad = {
      docId: 'file:broken-briefing',
      traceId: 'trace-1',
      stages: {},
      source: { url: 'not a url' },
      body: 42,
    };
    await d.p.app.queues.get('clean').add('clean', bad, { jobId: 'clean-broken-briefing' });
    await until(d.p, 'file:broken-briefing', 'failed');
    const page = await (await get('/')).text();
    const row = /<tr class="failed-doc" data-doc="file:broken-briefing">[\s\S]*?<\/tr>/.exec(page)?.[0] ?? '';
    expect(row).toContain('<code>clean</code>');
    expect(row).toContain('ERR_VALIDATION');
    expect(row).toContain('<li><code>body</code>: ');
    expect(row).toMatch(/<li><code>source\.[a-zA-Z]+<\/code>: /);
  });

  it('retries every failed job of one stage with one action', async () => {
    d = await dashboardUnderTest();
    site = await flakySite((await import('node:fs')).readFileSync(fixture('commission-midday.txt'), 'utf8'));
    const inputs = ['/midday-1', '/midday-2'].map((path) => urlInput(site!.url(path)));
    for (const input of inputs) await enqueueFetch(d.p.app.queues, d.p.app.status, input);
    for (const input of inputs) await until(d.p, input.job.docId, 'failed');
    const page = await (await get('/')).text();
    expect(page).toContain('Retry 2 failed');
    site.fix();
    const res = await post('/actions/retry-stage', { _csrf: csrfOf(page), stage: 'fetch' });
    expect(new URL(res.headers.get('location') ?? '', d.url).searchParams.get('notice')).toBe(
      'Retried 2 failed jobs of fetch.',
    );
    for (const input of inputs) await until(d.p, input.job.docId, 'published');
  });

  it('refuses an action without the CSRF token or from another origin', async () => {
    d = await dashboardUnderTest();
    site = await flakySite('x');
    const input = urlInput(site.url('/gone'));
    await enqueueFetch(d.p.app.queues, d.p.app.status, input);
    await until(d.p, input.job.docId, 'failed');
    const token = csrfOf(await (await get('/')).text());
    expect((await post('/actions/retry-stage', { stage: 'fetch' })).status).toBe(403);
    expect((await post('/actions/retry-stage', { stage: 'fetch', _csrf: 'wrong' })).status).toBe(403);
    expect(
      (
        await post(
          '/actions/retry-stage',
          { stage: 'fetch', _csrf: token },
          { origin: 'http://evil.example' },
        )
      ).status,
    ).toBe(403);
    expect((await get('/queues/api/queues/fetch/retry/failed', { method: 'PUT' })).status).toBe(403);
    expect((await d.p.app.status.get(input.job.docId))?.state).toBe('failed');
  });

  it('finds documents by id, URL or title', async () => {
    d = await dashboardUnderTest({}, { workers: false });
    await d.p.app.status.queued('ecb:hearing-0505', {
      traceId: 't1',
      label: 'https://www.ecb.europa.eu/press/hearing-0505.html',
    });
    await d.p.app.status.queued('file:midday', { traceId: 't2', label: '/inbox/midday.txt' });
    await d.p.app.status.stage(
      'file:midday',
      'clean',
      { state: 'completed', at: new Date().toISOString() },
      { title: 'Midday briefing on rail links' },
    );
    const hits = async (q: string) =>
      [
        ...(await (await get(`/search?q=${encodeURIComponent(q)}`)).text()).matchAll(
          /<tr data-doc="([^"]+)"/g,
        ),
      ].map((m) => m[1]);
    expect(await hits('HEARING-0505')).toEqual(['ecb:hearing-0505']);
    expect(await hits('ecb.europa.eu/press')).toEqual(['ecb:hearing-0505']);
    expect(await hits('rail links')).toEqual(['file:midday']);
    expect(await hits('nothing like this')).toEqual([]);
    expect(await (await get('/search?q=nothing%20like%20this')).text()).toContain(
      'No documents match “nothing like this”.',
    );
  });

  it('serves Bull Board for every queue at /queues, read-only unless queue actions are enabled', async () => {
    d = await dashboardUnderTest({}, { workers: false });
    expect((await get('/queues')).status).toBe(200);
    const api = async () =>
      (await (await get('/queues/api/queues')).json()) as {
        queues: { name: string; readOnlyMode: boolean }[];
      };
    const { queues } = await api();
    expect(queues.map((q) => q.name).sort()).toEqual([
      'clean',
      'deliver-jsonl',
      'discover',
      'fetch',
      'figures',
      'publish',
      'segment',
    ]);
    expect(queues.every((q) => q.readOnlyMode)).toBe(true);
    await d.close();
    d = await dashboardUnderTest({ dashboardQueueActions: true }, { workers: false });
    expect((await api()).queues.every((q) => !q.readOnlyMode)).toBe(true);
  });

  it('answers /healthz and /readyz, and says which check fails', async () => {
    d = await dashboardUnderTest({}, { workers: false });
    expect(await (await get('/healthz')).json()).toMatchObject({ status: 'ok' });
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { redis: 'ok', 'sink:jsonl': 'ok' } });
  });

  it('answers 503 on /readyz and shows the sink as down when an archive does not answer', async () => {
    d = await dashboardUnderTest({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none' }, { workers: false });
    const ready = await get('/readyz');
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { status: string; checks: Record<string, string> };
    expect(body.status).toBe('not ready');
    expect(body.checks.redis).toBe('ok');
    expect(body.checks['sink:jsonl']).toBe('ok');
    const failing = Object.entries(body.checks).filter(([, v]) => v !== 'ok');
    expect(failing).toHaveLength(1);
    const [name] = failing[0]!;
    const page = await (await get('/')).text();
    expect(page).toMatch(
      new RegExp(`<tr><td>${name.slice('sink:'.length)}</td><td><span class="badge bad">down</span>`),
    );
  });

  it("shows a sink's latest delivery error beside its counts while it retries", async () => {
    d = await dashboardUnderTest({
      databaseUrl: 'postgres://postgres@127.0.0.1:1/none',
      deliverMaxBackoffMs: 60_000,
    });
    await enqueueFetch(d.p.app.queues, d.p.app.status, await fileInput(fixture(TRANSCRIPTS[0])));
    const lastError = async () => {
      const row = /<tr><td>pg<\/td>.*?<\/tr>/s.exec(await (await get('/')).text())?.[0];
      const cell = row?.match(/class="sink-error">(.*?)<\/td>/s)?.[1];
      return cell && cell !== '—' ? cell : undefined;
    };
    const row = await eventually(lastError, 20_000, 'a last error on the pg row');
    expect(row).toMatch(/PostgreSQL did not complete the migrations \(ECONNREFUSED/);
    const page = await (await get('/')).text();
    const pgRow = /<tr><td>pg<\/td>.*?<\/tr>/s.exec(page)?.[0] ?? '';
    // The next try as a time, how many tries so far, and a "retry now" for this sink.
    expect(pgRow).toMatch(/<td class="when"><span title="[^"]+">\d\d:\d\d:\d\d UTC<\/span><\/td>/);
    expect(Number(/<td class="num[^"]*">(\d+)<\/td><td class="when">/.exec(pgRow)?.[1])).toBeGreaterThan(0);
    expect(pgRow).toContain('action="/actions/retry-sink"');
    const res = await post('/actions/retry-sink', { _csrf: csrfOf(page), sink: 'pg' });
    expect(res.status).toBe(303);
    expect(new URL(res.headers.get('location') ?? '', d.url).searchParams.get('notice')).toMatch(
      /^pg: 1 waiting deliveries sent now, 0 failed ones retried\.$/,
    );
  });

  it('hides actions and refuses POSTs in read-only mode', async () => {
    d = await dashboardUnderTest({ dashboardReadOnly: true }, { workers: false });
    await d.p.app.status.queued('file:x', { traceId: 't', label: 'x' });
    await d.p.app.status.stage('file:x', 'fetch', {
      state: 'failed',
      at: new Date().toISOString(),
      code: 'ERR_FETCH_STATUS',
      error: 'GET http://h/x answered 404',
    });
    const page = await (await get('/')).text();
    expect(page).toContain('HTTP 404');
    expect(page).not.toContain('name="_csrf"');
    const refused = await post('/actions/retry-stage', { stage: 'fetch' });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/read-only/);
  });
});

describe('dashboard credentials', { timeout: 60_000 }, () => {
  it('asks for the token when one is configured, and accepts it as bearer, cookie or query', async () => {
    const p = await testPipeline({ dashboardToken: 's3cret-token' });
    const dash = await startDashboard(p.app, { host: '127.0.0.1', port: 0 });
    try {
      const at = (path: string, init?: RequestInit) =>
        fetch(new URL(path, dash.url), { redirect: 'manual', ...init });
      expect((await at('/')).status).toBe(401);
      expect((await at('/metrics')).status).toBe(401);
      expect((await at('/queues')).status).toBe(401);
      expect((await at('/healthz')).status).toBe(200);
      expect((await at('/', { headers: { authorization: 'Bearer s3cret-token' } })).status).toBe(200);
      const viaQuery = await at('/doc?id=x&token=s3cret-token');
      expect(viaQuery.status).toBe(303);
      expect(viaQuery.headers.get('location')).toBe('/doc?id=x');
      const cookie = viaQuery.headers.get('set-cookie')?.split(';')[0] ?? '';
      expect(viaQuery.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/i);
      expect((await at('/', { headers: { cookie } })).status).toBe(200);
      expect((await at('/', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    } finally {
      await dash.close();
      await p.cleanup();
    }
  });

  it('accepts basic-auth credentials', async () => {
    const p = await testPipeline({ dashboardUser: 'ops', dashboardPassword: 'pa:ss' });
    const dash = await startDashboard(p.app, { host: '127.0.0.1', port: 0 });
    try {
      const basic = (u: string, pw: string) => ({
        authorization: `Basic ${Buffer.from(`${u}:${pw}`).toString('base64')}`,
      });
      const denied = await fetch(dash.url);
      expect(denied.status).toBe(401);
      expect(denied.headers.get('www-authenticate')).toMatch(/^Basic/);
      expect((await fetch(dash.url, { headers: basic('ops', 'pa:ss') })).status).toBe(200);
      expect((await fetch(dash.url, { headers: basic('ops', 'nope') })).status).toBe(401);
    } finally {
      await dash.close();
      await p.cleanup();
    }
  });

  it('refuses to start on a public address without credentials', async () => {
    const p = await testPipeline();
    try {
      await expect(startDashboard(p.app, { host: '0.0.0.0', port: 0 })).rejects.toThrow(/DASHBOARD_TOKEN/);
    } finally {
      await p.cleanup();
    }
  });
});
