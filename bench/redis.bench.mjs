/* global performance, setTimeout */
// Redis topologies: documents per second through the whole pipeline (one process, the App's
// workers for every stage, the JSON Lines archive) on one redis-server, on a 3-master Redis
// Cluster (REDIS_CLUSTER=true) and on a Sentinel-managed primary, each started here on free
// ports with the machine's redis-server and stopped after. REDIS_BENCH_DOCS documents per
// topology (default 500), REDIS_BENCH_ROUNDS rounds each (default 2), CONCURRENCY per worker.
//   npm run bench -- redis
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../dist/app.js';
import { loadRuntime } from '../dist/cli/runtime.js';
import { fileInput } from '../dist/inputs.js';
import { startCluster, startRedis, startSentinel } from '../test/helpers/redis-servers.mjs';

const DOCS = Number(process.env.REDIS_BENCH_DOCS ?? 500);
const ROUNDS = Number(process.env.REDIS_BENCH_ROUNDS ?? 2);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);

if (spawnSync('redis-server', ['--version']).status !== 0) {
  console.log('skipped: redis-server is not installed (apt-get install redis-server)');
  process.exit(0);
}

/** DOCS made-up briefings, distinct per round so none is "unchanged". */
async function briefings(dir, round) {
  const paths = [];
  for (let i = 0; i < DOCS; i += 1) {
    const path = join(dir, `r${round}-${i}.txt`);
    await writeFile(
      path,
      `Round ${round} briefing ${i} on ports\nGdansk, 02/05/2026\nWe opened ${i + 3} new berths for €${i % 50}.2 million.\nQ. When will berth ${i} open?\nIn ${(i % 11) + 1} weeks.\n`,
    );
    paths.push(path);
  }
  return paths;
}

/** One round: enqueue DOCS documents, wait until the archive's delivery queue completed them all. */
async function round(settings, n) {
  const dir = await mkdtemp(join(tmpdir(), 'pressline-redis-bench-'));
  const rt = loadRuntime(
    {
      ...settings,
      queuePrefix: `bench-${n}`,
      dataDir: dir,
      logLevel: 'silent',
      jsonlFsync: 'never',
      keepCompleted: DOCS,
      concurrency: CONCURRENCY,
    },
    { PATH: process.env.PATH },
  );
  const inputs = await Promise.all((await briefings(dir, n)).map((p) => fileInput(p)));
  const app = await App.connect(rt.config, rt.log);
  const deliver = app.queues.get('deliver-jsonl');
  try {
    app.startWorkers();
    const started = performance.now();
    for (const input of inputs) await app.enqueue(input);
    for (;;) {
      const c = await deliver.getJobCounts('completed', 'failed');
      if (c.failed) throw new Error(`${c.failed} deliveries failed`);
      if (c.completed >= DOCS) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return DOCS / ((performance.now() - started) / 1000);
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const topologies = [
  ['one redis-server', startRedis, (t) => ({ redisUrl: `redis://127.0.0.1:${t.port}` })],
  [
    '3-master Redis Cluster',
    startCluster,
    (t) => ({ redisUrl: `redis://127.0.0.1:${t.nodes[0].port}`, redisCluster: true }),
  ],
  [
    'Sentinel (primary + replica)',
    startSentinel,
    (t) => ({ redisSentinels: t.sentinels, redisSentinelName: t.name }),
  ],
];

console.log(`${DOCS} documents per round, ${ROUNDS} rounds, CONCURRENCY=${CONCURRENCY}, one process\n`);
console.log('| Redis | docs/s (each round) | best |');
console.log('| --- | --- | --- |');
const rows = [];
for (const [name, start, settings] of topologies) {
  const t = await start();
  try {
    const rates = [];
    for (let n = 0; n < ROUNDS; n += 1) rates.push(await round(settings(t), n));
    const best = Math.max(...rates);
    rows.push([name, best]);
    console.log(`| ${name} | ${rates.map((r) => r.toFixed(0)).join(', ')} | ${best.toFixed(0)} |`);
  } finally {
    await t.stop();
  }
}
const single = rows[0][1];
console.log(
  `\n${rows.map(([name, best]) => `${name}: ${(best / single).toFixed(2)}×`).join(' · ')} (vs one redis-server)`,
);
