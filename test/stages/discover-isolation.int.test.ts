import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startDashboard } from '../../src/dashboard/server.js';
import { ValidationError } from '../../src/errors.js';
import { FetchJob } from '../../src/schemas/jobs.js';
import { startHarness, type Harness } from '../helpers/harness.js';

/** A consilium-like RSS feed on 127.0.0.1 whose second item links to a malformed percent-escape. */
async function feedServer(
  links = (origin: string) =>
    ['first-remarks_en', '%E0%A4%A_en', 'third-remarks_en'].map((slug) => `${origin}/en/press/${slug}`),
): Promise<{ url: string; close(): Promise<void> }> {
  let origin = '';
  const server: Server = createServer((req, res) => {
    if (req.url === '/robots.txt') return void res.writeHead(404).end();
    if (req.url === '/feed.xml') {
      const items = links(origin)
        .map(
          (link, i) =>
            `<item><title>Remarks ${i + 1}</title><link>${link}</link><pubDate>Mon, 09 Mar 2026 10:0${i}:00 GMT</pubDate></item>`,
        )
        .join('');
      return void res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>${items}</channel></rss>`);
    }
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('Remarks\nGood morning.\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}/feed.xml`, close: () => new Promise((r) => server.close(() => r())) };
}

describe('one bad item in a listing', { timeout: 60_000 }, () => {
  let h: Harness | undefined;
  let feed: Awaited<ReturnType<typeof feedServer>> | undefined;
  afterEach(async () => {
    await h?.close();
    await feed?.close();
    h = feed = undefined;
  });

  const runOnce = async (harness: Harness) => {
    if (!harness.app.workers.some((w) => w.name === 'discover'))
      harness.app.startWorkers(['discover'], { concurrency: 1 });
    const job = await harness.app.queues.get('discover').add('discover', { source: 'council' });
    for (let i = 0; i < 200 && !(await job.isCompleted()) && !(await job.isFailed()); i++)
      await new Promise((r) => setTimeout(r, 50));
  };
  const queuedUrls = async (harness: Harness) =>
    (await harness.app.queues.get('fetch').getJobs(['waiting', 'active', 'completed', 'failed', 'delayed']))
      .map((j) => (j.data as FetchJob).target)
      .map((t) => (t.kind === 'url' ? t.url : ''))
      .sort();

  it('a link with a malformed percent-escape does not stop the source: every item is queued', async () => {
    feed = await feedServer();
    h = await startHarness([{ name: 'council', type: 'consilium', url: feed.url, allowPrivate: true }]);
    await runOnce(h);
    expect(await queuedUrls(h)).toHaveLength(3);
    const [row] = await h.app.stores.sources.all(async () => [{ name: 'council', enabled: true }]);
    expect(row).toMatchObject({ lastError: null, queued: 3 });
  });

  it('an item that cannot be queued is skipped with a warning on the source row, the rest queued', async () => {
    feed = await feedServer();
    h = await startHarness([{ name: 'council', type: 'consilium', url: feed.url, allowPrivate: true }]);
    // The producer refuses the one item (as it would a job that does not match its schema).
    const enqueue = h.app.enqueue.bind(h.app);
    h.app.enqueue = async (input, opts) => {
      if (input.label.endsWith('Remarks 2'))
        throw new ValidationError('fetch job', FetchJob.safeParse({}).error!, input.label);
      return enqueue(input, opts);
    };
    await runOnce(h);
    expect(await queuedUrls(h)).toHaveLength(2);
    const [row] = await h.app.stores.sources.all(async () => [{ name: 'council', enabled: true }]);
    expect(row).toMatchObject({ lastError: null, queued: 2, skipped: 1 });
    expect(row?.lastWarning).toMatch(/ERR_VALIDATION.*%E0%A4%A_en/);
    const dash = await startDashboard(h.app, { host: '127.0.0.1', port: 0 });
    try {
      const page = await (await fetch(dash.url)).text();
      expect(page).toMatch(/<tr><td>council<\/td>[\s\S]*?1 item skipped[\s\S]*?<\/tr>/);
    } finally {
      await dash.close();
    }
  });

  it('a listed link that is not a URL is skipped with a warning on the source row, the rest queued', async () => {
    feed = await feedServer((origin) => [
      `${origin}/en/press/first_en`,
      'http://[bad',
      `${origin}/en/press/third_en`,
    ]);
    h = await startHarness([{ name: 'council', type: 'consilium', url: feed.url, allowPrivate: true }]);
    await runOnce(h);
    expect(await queuedUrls(h)).toHaveLength(2);
    const [row] = await h.app.stores.sources.all(async () => [{ name: 'council', enabled: true }]);
    expect(row).toMatchObject({ lastError: null, queued: 2, skipped: 1 });
    expect(row?.lastWarning).toMatch(/ERR_BAD_LINK: 1 listed link is not a URL \("http:\/\/\[bad"\)/);
  });
});
