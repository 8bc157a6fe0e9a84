/* global performance, setTimeout, fetch */
// Dashboard: what one refresh of the pipeline page costs on a busy Redis, side by side with
// the baseline of `pressline status` (job counts of every queue, nothing else) in the same run.
// Seeds a queue prefix of its own with DASH_BENCH_JOBS completed jobs in every queue (run by
// real no-op workers) and DASH_BENCH_DOCS document statuses, then times, per call: the counts
// alone; the page's data (counts, per-minute throughput, p50/p95, sinks, recent and failed
// documents); the data rendered to HTML; a search over every document; and the live fragment
// over HTTP. Needs Redis at REDIS_URL (else 127.0.0.1:6379); the prefix is deleted after.
//   npm run bench -- dashboard
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { App } from '../dist/app.js';
import { loadRuntime } from '../dist/cli/runtime.js';
import { overview } from '../dist/dashboard/overview.js';
import { startDashboard } from '../dist/dashboard/server.js';
import { pipelinePage } from '../dist/dashboard/views/pipeline.js';
import { bullPrefix } from '../dist/store/keys.js';

const JOBS = Number(process.env.DASH_BENCH_JOBS ?? 1000);
const DOCS = Number(process.env.DASH_BENCH_DOCS ?? 10000);
const ROUNDS = Number(process.env.DASH_BENCH_ROUNDS ?? 30);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const STAGES = ['fetch', 'clean', 'segment', 'figures', 'publish', 'deliver-jsonl'];

const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
probe.on('error', () => {});
try {
  await probe.connect();
  await probe.ping();
} catch {
  console.log(`skipped: no Redis answers at ${redisUrl}`);
  process.exit(0);
} finally {
  probe.disconnect();
}

const dataDir = await mkdtemp(join(tmpdir(), 'pressline-dash-bench-'));
const rt = loadRuntime({
  redisUrl,
  queuePrefix: `bench-${randomUUID()}`,
  dataDir,
  logLevel: 'silent',
  keepCompleted: JOBS,
});
const app = await App.connect(rt.config, rt.log);

async function seed() {
  const workers = app.queues.all().map(
    (q) =>
      new Worker(q.name, async () => {}, {
        connection: new Redis(redisUrl, { maxRetriesPerRequest: null }),
        prefix: bullPrefix(rt.config, q.name),
        concurrency: 50,
      }),
  );
  for (const q of app.queues.all()) {
    for (let i = 0; i < JOBS; i += 500)
      await q.addBulk(
        Array.from({ length: Math.min(500, JOBS - i) }, (_, k) => ({
          name: q.name,
          data: { docId: `bench:${i + k}` },
        })),
      );
  }
  for (;;) {
    const counts = await Promise.all(app.queues.all().map((q) => q.getJobCounts('completed')));
    if (counts.every((c) => c.completed >= JOBS)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await Promise.all(
    workers.map(async (w) => {
      await w.close();
      await w.opts.connection.quit?.();
    }),
  );
  const at = new Date().toISOString();
  const seedDoc = async (i) => {
    const docId = `ec-presscorner:bench_${i}`;
    await app.status.queued(docId, {
      traceId: randomUUID(),
      label: `https://ec.europa.eu/commission/presscorner/detail/en/bench_${i}`,
    });
    for (const stage of STAGES) {
      const failed = i % 50 === 0 && stage === 'fetch';
      const state = { state: failed ? 'failed' : 'completed', at, ms: 12, attempts: 1 };
      if (failed) Object.assign(state, { code: 'ERR_FETCH_STATUS', error: 'GET https://x answered 404' });
      await app.status.stage(docId, stage, state, { title: `Midday briefing ${i}` });
      if (failed) break;
    }
  };
  for (let i = 0; i < DOCS; i += 200)
    await Promise.all(Array.from({ length: Math.min(200, DOCS - i) }, (_, k) => seedDoc(i + k)));
}

async function per(fn) {
  await fn();
  const t0 = performance.now();
  for (let i = 0; i < ROUNDS; i++) await fn();
  return (performance.now() - t0) / ROUNDS;
}

try {
  const t0 = performance.now();
  await seed();
  const seedS = (performance.now() - t0) / 1000;
  const dash = await startDashboard(app, { host: '127.0.0.1', port: 0 });
  const ctx = { csrf: 'x', nonce: 'n', readOnly: false };
  const data = await overview(app);
  const rows = [
    [
      'baseline: job counts of every queue (`pressline status`)',
      await per(() => Promise.all(app.queues.all().map((q) => q.getJobCounts()))),
    ],
    ['page data: counts, throughput, p50/p95, sinks, recent and failed docs', await per(() => overview(app))],
    ['page data rendered to HTML', await per(() => Promise.resolve(pipelinePage(ctx, data).toString()))],
    [`search over ${DOCS} documents (no hit)`, await per(() => app.status.search('no such document'))],
    [
      'live fragment over HTTP (`GET /fragments/pipeline`)',
      await per(async () => (await fetch(`${dash.url}fragments/pipeline`)).text()),
    ],
  ];
  await dash.close();
  console.log(
    `${app.queues.all().length} queues × ${JOBS} completed jobs, ${DOCS} documents (seeded in ${seedS.toFixed(1)} s), mean of ${ROUNDS} calls\n`,
  );
  console.log('| what | ms per call | × baseline |');
  console.log('| --- | ---: | ---: |');
  const base = rows[0][1];
  for (const [what, ms] of rows) console.log(`| ${what} | ${ms.toFixed(2)} | ${(ms / base).toFixed(1)} |`);
} finally {
  await app.close();
  const redis = new Redis(redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `{${rt.config.queuePrefix}}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  await redis.quit();
  await rm(dataDir, { recursive: true, force: true });
}
