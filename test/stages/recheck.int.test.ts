import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from 'bullmq';
import { overview } from '../../src/dashboard/overview.js';
import { pipelinePage } from '../../src/dashboard/views/pipeline.js';
import { prepareSinks } from '../../src/sinks/index.js';
import { loadSources } from '../../src/sources/load.js';
import { useFixtureSite, type Harness } from '../helpers/harness.js';
import { newSecret, testSchema, webhookReceiver } from '../helpers/sinks.js';

const env = useFixtureSite();
const DAY = 86_400_000;

/** One run of each source, as its Job Scheduler queues it, waited for. */
async function runOnce(h: Harness, names: string[]): Promise<void> {
  if (!h.app.workers.some((w) => w.name === 'discover')) h.app.startWorkers(['discover'], { concurrency: 1 });
  for (const name of names) {
    const job: Job = await h.app.queues.get('discover').add('discover', { source: name });
    for (let i = 0; i < 200 && !(await job.isCompleted()) && !(await job.isFailed()); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await job.isCompleted()).toBe(true);
  }
  await h.idle();
}

const pressCorner = (url: string, extra: Record<string, unknown> = {}) => ({
  name: 'ec-presscorner',
  type: 'presscorner',
  baseUrl: `${url}/presscorner`,
  allowPrivate: true,
  interval: '1h',
  // Every run may re-check every document (the default waits 6 h between checks of one).
  recheckEvery: 1,
  ...extra,
});

const referenceOf = (path: string) => new URL(path, 'http://x').searchParams.get('reference');
const documentRequests = (from: number) =>
  env.site.log.slice(from).filter((l) => l.path.startsWith('/presscorner/api/documents'));

describe('re-checking what was seen', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('makes an edited Press Corner document a new version in JSON Lines, PostgreSQL and the webhook within one scheduled run, and the others cost a 304 each', async () => {
    const db = await testSchema();
    const hook = await webhookReceiver();
    cleanups.push(db.drop, hook.close);
    const h = await env.start([pressCorner(env.site.url)], {
      databaseUrl: db.url,
      webhookUrl: hook.url,
      webhookSecret: newSecret(),
    });
    await prepareSinks(h.config, h.app.log);
    await runOnce(h, ['ec-presscorner']);
    const docs = env.site.state.press;
    expect(await h.records()).toHaveLength(docs.length);

    // The Commission corrects one transcript: the search API says nothing of it.
    const edited = docs[2]!;
    edited.html = edited.html.replace('Thank you.', 'Correction: the measure is worth 6 billion euros.');
    const mark = env.site.log.length;
    await runOnce(h, ['ec-presscorner']);

    const docId = `ec-presscorner:${edited.ref.toLowerCase().replace('/', '_').replace('/', '_')}`;
    const jsonl = await h.records();
    expect(jsonl).toHaveLength(docs.length + 1);
    const versions = jsonl.filter((r) => r.id === docId);
    expect(versions).toHaveLength(2);
    expect(versions[1]!.text).toContain('6 billion euros');
    const pg = await db.pool.query<{ version: string }>('SELECT version FROM records WHERE id = $1', [docId]);
    expect(pg.rows.map((r) => r.version).sort()).toEqual(versions.map((v) => v.version).sort());
    const hooked = hook.accepted.map((r) => JSON.parse(r.body) as { data: { id: string; version: string } });
    expect(hooked.filter((e) => e.data.id === docId).map((e) => e.data.version)).toEqual(
      versions.map((v) => v.version),
    );
    expect(hook.accepted).toHaveLength(docs.length + 1);

    // Every document was asked for once, conditionally; only the edited one was not a 304.
    const asked = documentRequests(mark);
    expect(asked).toHaveLength(docs.length);
    expect(asked.every((l) => l.conditional)).toBe(true);
    expect(asked.filter((l) => l.status !== 304).map((l) => referenceOf(l.path))).toEqual([edited.ref]);
    const [health] = await h.app.stores.sources.all(() => loadSources(h.config));
    expect(health).toMatchObject({ name: 'ec-presscorner', rechecks: docs.length, versionsFound: 1 });
    // The dashboard's Sources table says so.
    const page = pipelinePage({ csrf: 'x', nonce: 'x', readOnly: true }, await overview(h.app)).toString();
    const row = /<tr><td>ec-presscorner<\/td>.*?<\/tr>/.exec(page)?.[0] ?? '';
    expect(page).toContain('<th class="num" title="documents seen before, asked for again">Rechecks</th>');
    expect(row).toContain(`<td class="num">${docs.length}</td><td class="num">1</td>`);
  });

  it('re-checks at most recheckBatch documents a run, the longest unchecked first, and forgets those first seen before recheckDays', async () => {
    const h = await env.start([pressCorner(env.site.url, { recheckBatch: 3, recheckDays: 14 })]);
    await runOnce(h, ['ec-presscorner']);
    const docs = env.site.state.press;
    // Two documents were first seen 20 days ago (as the store would hold them by now).
    const old = docs.slice(0, 2).map((d) => d.ref);
    const meta = h.app.stores.keys.recheckMeta('ec-presscorner');
    for (const [field, value] of Object.entries(await h.app.connection.hgetall(meta))) {
      const item = JSON.parse(value) as { url: string; firstSeen: number };
      if (old.includes(referenceOf(item.url)!))
        await h.app.connection.hset(
          meta,
          field,
          JSON.stringify({ ...item, firstSeen: Date.now() - 20 * DAY }),
        );
    }

    const asked: string[][] = [];
    for (let run = 0; run < 3; run++) {
      const mark = env.site.log.length;
      await runOnce(h, ['ec-presscorner']);
      asked.push(documentRequests(mark).map((l) => referenceOf(l.path)!));
    }
    for (const refs of asked) expect(refs.length).toBeLessThanOrEqual(3);
    // The five in the window: two runs of 3 ask for five different ones before any comes round again.
    const recent = docs.slice(2).map((d) => d.ref);
    expect(new Set([...asked[0]!, ...asked[1]!]).size).toBe(recent.length);
    expect([...new Set(asked.flat())].sort()).toEqual([...recent].sort());
    expect(await h.app.stores.recheck.size('ec-presscorner')).toBe(recent.length);
  });

  it('re-checks Council and ECB documents too, each with a conditional request answered 304', async () => {
    const h = await env.start([
      {
        name: 'council',
        type: 'consilium',
        url: `${env.site.url}/council/rss.xml`,
        allowPrivate: true,
        recheckEvery: 1,
      },
      { name: 'ecb', type: 'ecb', url: `${env.site.url}/ecb/rss.xml`, allowPrivate: true, recheckEvery: 1 },
    ]);
    await runOnce(h, ['council', 'ecb']);
    expect(await h.records()).toHaveLength(3);
    const mark = env.site.log.length;
    await runOnce(h, ['council', 'ecb']);
    const pages = env.site.log.slice(mark).filter((l) => /^\/(council|ecb)\/press\//.test(l.path));
    expect(pages.map((l) => l.path).sort()).toEqual([
      '/council/press/eurogroup-remarks-2026-03-09',
      '/ecb/press/pr/ecb.pr260306.en.html',
      '/ecb/press/press_conference/ecb.is260305.en.html',
    ]);
    expect(pages.every((l) => l.conditional && l.status === 304)).toBe(true);
    expect(await h.records()).toHaveLength(3);
  });
});
