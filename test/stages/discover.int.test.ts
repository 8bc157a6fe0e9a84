import { describe, expect, it } from 'vitest';
import type { Job } from 'bullmq';
import { loadSources } from '../../src/sources/load.js';
import { startDiscovery } from '../../src/workers/scheduler.js';
import { useFixtureSite, type Harness } from '../helpers/harness.js';

const env = useFixtureSite();

const fixtureSources = (url: string) => [
  {
    name: 'eeas',
    type: 'eeas',
    baseUrl: url,
    allowPrivate: true,
    interval: '1h',
    maxPages: 5,
    sitemapPages: 3,
  },
  {
    name: 'ec-presscorner',
    type: 'presscorner',
    baseUrl: `${url}/presscorner`,
    allowPrivate: true,
    interval: '1h',
  },
];

/** Starts the discover worker alone (no schedulers) and runs each source once, waiting for each run. */
async function discoverOnce(harness: Harness, names: string[]): Promise<void> {
  const { app } = harness;
  // The discover worker as `pressline workers --stages discover` starts it; no schedulers.
  if (!app.workers.some((w) => w.name === 'discover')) app.startWorkers(['discover'], { concurrency: 1 });
  for (const name of names) {
    const job: Job = await app.queues.get('discover').add('discover', { source: name });
    for (let i = 0; i < 200 && !(await job.isCompleted()) && !(await job.isFailed()); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await job.isCompleted()).toBe(true);
  }
}

describe('discovery against the fixture site', () => {
  it('ingests every new item once, costs only 304s on an unchanged site, and publishes one new version for one changed page', async () => {
    const h = await env.start(fixtureSources(env.site.url));
    await discoverOnce(h, ['eeas', 'ec-presscorner']);
    await h.idle();
    const first = await h.records();
    expect(first).toHaveLength(env.site.state.eeas.length + env.site.state.press.length);
    expect(new Set(first.map((r) => r.id)).size).toBe(first.length);
    expect(first.map((r) => r.id)).toContain('ec-presscorner:speech_26_1766');
    expect(first.find((r) => r.id.startsWith('eeas:'))?.source.site).toBe('eeas');
    expect(first.find((r) => r.id.startsWith('ec-presscorner:'))?.source.site).toBe('ec-presscorner');

    // Run twice over an unchanged site: only conditional GETs, each answered 304, and no record.
    const before = env.site.log.length;
    await discoverOnce(h, ['eeas', 'ec-presscorner']);
    await h.idle();
    const second = env.site.log.slice(before);
    expect(second.length).toBeGreaterThan(0);
    expect(second.every((l) => l.conditional && l.status === 304)).toBe(true);
    expect(await h.records()).toHaveLength(first.length);

    // One page changes (its text, and its lastmod in the sitemap): exactly one new version.
    const page = env.site.state.eeas[1];
    if (!page) throw new Error('fixture has no second EEAS page');
    page.paragraphs = [...page.paragraphs, 'Correction: turnout stood at 62 percent.'];
    page.lastmod = '2026-02-21T09:30:00+01:00';
    const mark = env.site.log.length;
    await discoverOnce(h, ['eeas', 'ec-presscorner']);
    await h.idle();
    const third = await h.records();
    expect(third).toHaveLength(first.length + 1);
    const added = third.at(-1);
    const docId = `eeas:eeas/${page.slug}`;
    expect(added?.id).toBe(docId);
    expect(added?.version).not.toBe(first.find((r) => r.id === docId)?.version);
    expect(added?.text).toContain('62 percent');
    expect(env.site.log.slice(mark).filter((l) => l.path.startsWith('/eeas/fixture-'))).toHaveLength(1);
  });

  it('never queues an item twice, even after its fetch jobs are removed, and fetches unchanged bytes as nothing new', async () => {
    const h = await env.start(fixtureSources(env.site.url));
    await discoverOnce(h, ['eeas']);
    await h.idle();
    expect(await h.records()).toHaveLength(env.site.state.eeas.length);
    // Forget every job and every listing validator: only the seen-store remembers.
    await h.app.queues.get('fetch').obliterate({ force: true });
    await h.app.connection.del(h.app.stores.keys.listing);
    const before = env.site.log.length;
    await discoverOnce(h, ['eeas']);
    await h.idle();
    expect(env.site.log.slice(before).filter((l) => l.path.startsWith('/eeas/fixture-'))).toHaveLength(0);
    expect(await h.records()).toHaveLength(env.site.state.eeas.length);
  });

  it('says in one line per source that an unreachable source is down, retries it with backoff, and keeps the pipeline working', async () => {
    const h = await env.start([
      ...fixtureSources(env.site.url),
      // Nothing listens on port 9 of loopback: connection refused, as for a machine without internet.
      { name: 'down', type: 'rss', url: 'http://127.0.0.1:9/feed.xml', allowPrivate: true, interval: '1h' },
    ]);
    await discoverOnce(h, ['down', 'eeas']);
    await h.idle();
    const health = await h.app.stores.sources.all(() => loadSources(h.config));
    const down = health.find((s) => s.name === 'down');
    expect(down?.lastError).toMatch(
      /^ERR_FETCH_NETWORK: GET http:\/\/127\.0\.0\.1:9\/feed\.xml failed: .*ECONNREFUSED/,
    );
    expect(down?.lastError).not.toContain('\n');
    expect(down?.failures).toBe(1);
    expect(Date.parse(down?.nextTryAt ?? '')).toBeGreaterThan(Date.now());
    const retry = await h.app.queues.get('discover').getJob('discover-retry-down-1');
    expect(await retry?.getState()).toBe('delayed');
    const eeas = health.find((s) => s.name === 'eeas');
    expect(eeas?.lastError).toBeNull();
    expect(eeas?.itemsFound).toBe(env.site.state.eeas.length);
    expect(await h.records()).toHaveLength(env.site.state.eeas.length);
  });

  it('discovers from Council and ECB feeds, Atom and a sitemap index, with filters, and makes one record of a page two sources list', async () => {
    const h = await env.start([
      { name: 'council', type: 'consilium', url: `${env.site.url}/council/rss.xml`, allowPrivate: true },
      {
        name: 'ecb',
        type: 'ecb',
        url: `${env.site.url}/ecb/rss.xml`,
        allowPrivate: true,
        filters: { include: ['monetary policy statement'] },
      },
      { name: 'ministry', type: 'rss', url: `${env.site.url}/feed.atom`, allowPrivate: true },
      {
        name: 'ministry-sitemap',
        type: 'sitemap',
        url: `${env.site.url}/generic/sitemap.xml`,
        allowPrivate: true,
      },
    ]);
    await discoverOnce(h, ['council', 'ecb', 'ministry', 'ministry-sitemap']);
    await h.idle();
    const ids = (await h.records()).map((r) => r.id).sort();
    expect(ids).toEqual([
      'consilium:council/press/eurogroup-remarks-2026-03-09',
      'ecb:ecb/press/press_conference/ecb.is260305.en.html',
      'generic:127.0.0.1/news/minister-remarks',
    ]);
    // The feed and the sitemap give the page different versions, so both may ask for it; the
    // second answer is a 304 or the same bytes, and no second record is written.
    expect(env.site.requests('/news/minister-remarks').length).toBeLessThanOrEqual(2);
    expect(ids).toHaveLength(3);
    expect(env.site.requests('/ecb/press/pr/')).toHaveLength(0);
    const health = await h.app.stores.sources.all(() => loadSources(h.config));
    expect(health.map((s) => [s.name, s.itemsFound, s.lastError])).toEqual([
      ['council', 1, null],
      ['ecb', 2, null],
      ['ministry', 1, null],
      ['ministry-sitemap', 1, null],
    ]);
  });

  it('upserts one Job Scheduler per enabled source and drops the scheduler of a source no longer enabled', async () => {
    const h = await env.start([
      ...fixtureSources(env.site.url),
      { name: 'ecb', type: 'ecb', url: `${env.site.url}/ecb/rss.xml`, enabled: false, allowPrivate: true },
    ]);
    const queue = h.app.queues.get('discover');
    await queue.upsertJobScheduler(
      'source-retired',
      { every: 3_600_000 },
      { name: 'discover', data: { source: 'retired' } },
    );
    const stop = await startDiscovery({
      queue: h.app.queues.get('discover'),
      sources: await loadSources(h.config),
      startWorker: () => h.app.startDiscoverWorker(),
      log: h.app.log,
    });
    const keys = (await queue.getJobSchedulers()).map((s) => s.key).sort();
    expect(keys).toEqual(['source-ec-presscorner', 'source-eeas']);
    await h.idle();
    await stop();
    expect((await h.records()).length).toBe(env.site.state.eeas.length + env.site.state.press.length);
  });
});
