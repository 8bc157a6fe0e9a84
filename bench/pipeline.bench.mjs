/* global performance, setTimeout */
// Pipeline throughput: `pressline workers` (every stage, JSON Lines archive) against a bare
// 5-stage BullMQ chain (each worker only adds the next job) with the same documents, payload
// size and concurrency, in one run on one Redis. Starts a redis-server of its own on a free
// port (no persistence) when one is installed, else uses REDIS_URL with a fresh prefix.
// Prints docs/s of both and the ratio, Redis commands and bytes per document (INFO
// commandstats and INFO stats deltas over the run), and the workers' peak RSS.
//   npm run bench -- pipeline                 one comparison (PIPELINE_BENCH_N documents, default 2000)
//   npm run bench -- pipeline --scale         docs/s with 1, 2 and 4 worker processes
//   npm run bench -- pipeline --soak          100,000 documents (PIPELINE_SOAK_N): RSS and used_memory every 10,000
//   npm run bench -- pipeline --floor         also a chain shaped like Pressline's queues, with none of its code
//   npm run bench -- pipeline --takeover      how soon a SIGKILLed worker's job is taken up; a long document on live workers
// PIPELINE_BENCH_CONCURRENCY (16), PIPELINE_BENCH_BYTES (2000), PIPELINE_BENCH_ROUNDS (2: bare and
// Pressline alternate, best of each).
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { mkdtemp, open, readdir, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { App } from '../dist/app.js';
import { loadRuntime } from '../dist/cli/runtime.js';
import { sha256 } from '../dist/ids.js';

const here = dirname(fileURLToPath(import.meta.url));
// PIPELINE_BENCH_CLI: another build's dist/cli.js for the workers (an A/B against an older commit).
const cli = process.env.PIPELINE_BENCH_CLI ?? join(here, '..', 'dist', 'cli.js');
const args = process.argv.slice(2);
const N = Number(process.env.PIPELINE_BENCH_N ?? 2000);
const CONCURRENCY = Number(process.env.PIPELINE_BENCH_CONCURRENCY ?? 16);
const BYTES = Number(process.env.PIPELINE_BENCH_BYTES ?? 2000);
const ROUNDS = Number(process.env.PIPELINE_BENCH_ROUNDS ?? 2);
const SOAK_N = Number(process.env.PIPELINE_SOAK_N ?? 100_000);
/**
 * Chains of plain BullMQ workers that do nothing but add the next job. `bare`: 5 stages
 * passing the document on, default job options. `pressline-shaped`: Pressline's 6 queues with
 * the sizes its jobs have for one document (fetch, clean, segment, figures, publish, deliver;
 * measured at 2 kB: 2.8, 2.3, 2.4, 5.2, 9.1, 9.1 kB), its job options and derived job ids:
 * what the queues alone cost Pressline, with none of its own code (the --floor mode).
 */
const SHAPES = {
  bare: { sizes: Array(5).fill(BYTES), opts: {}, same: true, ids: false },
  'pressline-shaped': {
    sizes: [1.4, 1.15, 1.2, 2.6, 4.55, 4.55].map((f) => Math.round(f * BYTES)),
    opts: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 5000 },
    },
    same: false,
    ids: true,
  },
};
/** Node flags for the worker processes, e.g. PIPELINE_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof". */
const nodeArgs = (process.env.PIPELINE_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The bare chain, in a child process of its own (as the workers are). */
function bareChild() {
  const [, redisUrl, prefix, conc, shapeName] = args;
  const shape = SHAPES[shapeName];
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queues = shape.sizes.map(
    (_, i) =>
      new Queue(`s${i + 1}`, {
        connection,
        prefix,
        // The last queue keeps every finished job: the bench counts them.
        defaultJobOptions: i + 1 < shape.sizes.length ? shape.opts : {},
      }),
  );
  const workers = queues.map(
    (q, i) =>
      new Worker(
        q.name,
        async (job) => {
          if (i + 1 === queues.length) return;
          const { docId } = job.data;
          const data = shape.same ? job.data : { docId, body: 'x'.repeat(shape.sizes[i + 1]) };
          const opts = shape.ids ? { jobId: `s${i + 2}-${sha256(`${docId}\u0000${i}`).slice(0, 16)}` } : {};
          await queues[i + 1].add('doc', data, opts);
        },
        { connection, prefix, concurrency: Number(conc) },
      ),
  );
  process.on('SIGTERM', async () => {
    await Promise.all(workers.map((w) => w.close()));
    await Promise.all(queues.map((q) => q.close()));
    connection.disconnect();
    process.exit(0);
  });
}

// Words the made-up transcripts are written with. Each document draws its own sentences from
// them, so that no two share more than a few word runs: real remarks are distinct texts, and the
// near-duplicate index (MinHash over word 4-shingles) then finds few candidates, as in production.
const WORDS = (
  'agriculture budget cohesion climate energy flood farmers fisheries grid hydrogen industry ' +
  'interconnector investment labour market migration mobility network pension ports railway ' +
  'recovery region research roaming security semiconductor shipping skills solar storage ' +
  'subsidy tariff transport trade treaty vaccine water wind youth harbour bridge corridor ' +
  'battery steel cement forest drought heat insurance loan guarantee bond audit reform ' +
  'procurement competition merger platform data privacy court ruling appeal inspection ' +
  'standards label consumer packaging waste recycling emissions permit carbon border levy ' +
  'screening sanctions embargo mission observer ceasefire corridor refugees reception asylum ' +
  'visa passport customs excise duty ledger treasury auditors parliament council presidency ' +
  'committee rapporteur amendment directive regulation decision opinion envelope instalment'
).split(' ');
const VERBS = (
  'agreed approved proposed adopted reviewed extended doubled reduced launched funded ' +
  'suspended delayed confirmed asked expected estimated opened closed signed published'
).split(' ');

/** A small seeded generator, so that a run's documents are the same on each round. */
function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

/** A made-up ~2 kB transcript, distinct per document: title, date, remarks with figures, Q&A. */
function transcript(run, i) {
  const r = rng(i * 7919 + run.length);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const m = 10 + (i % 90);
  let text =
    `Remarks by Commissioner Anna Lindqvist on the ${words(2)} package, briefing ${run}-${i}\n\n` +
    `Brussels, ${1 + (i % 28)} March 2026\n\nCheck against delivery\n\n` +
    `Commissioner Lindqvist: Today the Commission ${pick(VERBS)} €${m} million for ${words(3)}, ` +
    `and ${i % 40} ${words(1)} projects ${pick(VERBS)} ${words(4)}. The ${words(2)} rate fell by ` +
    `${(i % 9) + 1}.5% since 2024.\n\n`;
  let q = 0;
  while (text.length < BYTES - 200) {
    q++;
    text +=
      `Question: On the ${words(3)}, how many of the ${i + q} ${words(2)} ${pick(VERBS)} ` +
      `${words(5)}, and is the €${m + q} million for ${words(3)} new?\n\n` +
      `Commissioner Lindqvist: ${q * 3} ${words(2)} ${pick(VERBS)} ${words(6)}; ${q + 1} billion ` +
      `euro ${pick(VERBS)} ${words(7)}.\n\n`;
  }
  return text.slice(0, BYTES - 1) + '\n';
}

async function freePort() {
  const srv = createServer();
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

/** A redis-server of the bench's own (clean INFO numbers), or REDIS_URL when none is installed. */
async function startRedis() {
  const port = await freePort();
  const proc = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const failed = await new Promise((resolve) => {
    proc.once('error', () => resolve(true));
    setTimeout(() => resolve(false), 300);
  });
  if (failed)
    return { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', own: false, stop: async () => {} };
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => {});
  for (let i = 0; ; i++) {
    try {
      await probe.connect();
      await probe.ping();
      break;
    } catch {
      if (i > 50) throw new Error(`redis-server on ${port} did not start`);
      await sleep(100);
    }
  }
  probe.disconnect();
  return {
    url,
    own: true,
    stop: async () => {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
    },
  };
}

/** INFO stats, memory and commandstats as numbers. */
async function info(redis) {
  const out = { cmd: {} };
  for (const line of (await redis.info('all')).split('\r\n')) {
    const stat = /^cmdstat_([^:]+):calls=(\d+)/.exec(line);
    if (stat) out.cmd[stat[1]] = Number(stat[2]);
    const cpu = /^used_cpu_(sys|user):([\d.]+)/.exec(line);
    if (cpu) out.used_cpu = (out.used_cpu ?? 0) + Number(cpu[2]);
    const kv = /^(total_net_input_bytes|total_net_output_bytes|used_memory):(\d+)/.exec(line);
    if (kv) out[kv[1]] = Number(kv[2]);
  }
  return out;
}

function perDoc(before, after, n) {
  const cmds = {};
  for (const [k, v] of Object.entries(after.cmd)) {
    const d = v - (before.cmd[k] ?? 0);
    if (d > 0) cmds[k] = d / n;
  }
  const executed = Object.values(cmds).reduce((a, b) => a + b, 0);
  const top = Object.entries(cmds)
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(process.env.PIPELINE_BENCH_TOP ?? 8))
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(', ');
  return {
    executed,
    inKB: (after.total_net_input_bytes - before.total_net_input_bytes) / n / 1024,
    outKB: (after.total_net_output_bytes - before.total_net_output_bytes) / n / 1024,
    top,
  };
}

/** CPU time (user + system) a process has used so far, in ms. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

const procStatus = (pid, field) => {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
};

function stop(children) {
  return Promise.all(
    children.map(
      (c) =>
        new Promise((resolve) => {
          if (c.exitCode !== null) return resolve();
          c.once('exit', resolve);
          c.kill('SIGTERM');
        }),
    ),
  );
}

/** Counts the lines of a folder's .jsonl files as they grow, reading only what is new. */
function archiveCounter(dir) {
  const offsets = new Map();
  let lines = 0;
  return async () => {
    const names = (await readdir(dir).catch(() => [])).filter((n) => n.endsWith('.jsonl'));
    for (const name of names) {
      const fh = await open(join(dir, name), 'r');
      try {
        const from = offsets.get(name) ?? 0;
        const { size } = await fh.stat();
        if (size > from) {
          const buf = Buffer.alloc(size - from);
          await fh.read(buf, 0, buf.length, from);
          for (let i = 0; i < buf.length; i++) if (buf[i] === 10) lines++;
          offsets.set(name, size);
        }
      } finally {
        await fh.close();
      }
    }
    return lines;
  };
}

/** Distinct (id, version) pairs and lines in the archive: exactly once means they are equal. Streams: a soak's file passes 512 MB. */
async function archiveCheck(dir) {
  const keys = new Set();
  let lines = 0;
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.jsonl'))) {
    for await (const line of createInterface({
      input: createReadStream(join(dir, name)),
      crlfDelay: Infinity,
    })) {
      if (!line) continue;
      lines++;
      const m = /^\{"schemaVersion":\d+,"id":("(?:[^"\\]|\\.)*"),"version":"([0-9a-f]{64})"/.exec(line);
      keys.add(m ? `${m[1]} ${m[2]}` : line);
    }
  }
  return { lines, distinct: keys.size };
}

const noArchives = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !['DATABASE_URL', 'WEBHOOK_URL', 'WEBHOOK_SECRET'].includes(k),
    ),
  );

/** One Pressline pipeline of its own: prefix, data folder, an App to queue with. */
async function presslineSetup(redisUrl) {
  const queuePrefix = `bench-${randomUUID().slice(0, 8)}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'pressline-pipeline-bench-'));
  const rt = loadRuntime({ redisUrl, queuePrefix, dataDir, logLevel: 'silent' }, noArchives());
  const app = await App.connect(rt.config, rt.log);
  const run = randomUUID().slice(0, 8);
  let queued = 0;
  /** Queues documents `from`..`to`-1 through the producer (`pressline ingest` does the same). */
  const enqueue = async (from, to) => {
    const batch = [];
    for (let i = from; i < to; i++) {
      const bytes = Buffer.from(transcript(run, i));
      const path = `/bench/${run}/doc-${i}.txt`;
      batch.push(
        app.enqueue({
          label: path,
          variant: sha256(bytes),
          job: {
            docId: `file:bench-${run}-${i}`,
            traceId: randomUUID(),
            stages: {},
            target: {
              kind: 'inline',
              path,
              url: null,
              contentType: 'text/plain; charset=utf-8',
              bodyBase64: bytes.toString('base64'),
            },
          },
        }),
      );
      if (batch.length >= 200) await Promise.all(batch.splice(0));
    }
    await Promise.all(batch);
    queued += to - from;
  };
  const workers = (n, env = {}) =>
    Array.from({ length: n }, () =>
      spawn(
        process.execPath,
        [...nodeArgs, env.PIPELINE_BENCH_CLI ?? cli, 'workers', '--concurrency', String(CONCURRENCY)],
        {
          env: {
            ...noArchives(),
            ...env,
            REDIS_URL: redisUrl,
            QUEUE_PREFIX: queuePrefix,
            DATA_DIR: dataDir,
            ...(process.env.PIPELINE_BENCH_LOG_LEVEL
              ? { LOG_LEVEL: process.env.PIPELINE_BENCH_LOG_LEVEL }
              : {}),
          },
          // Logs go nowhere (as to a collector), but are written at the configured level.
          stdio: ['ignore', 'ignore', process.env.PIPELINE_BENCH_VERBOSE ? 'inherit' : 'ignore'],
        },
      ),
    );
  const cleanup = async () => {
    const redis = new Redis(redisUrl);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `{${queuePrefix}}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  return {
    app,
    enqueue,
    workers,
    cleanup,
    archive: join(dataDir, 'archive'),
    dataDir,
    first: app.queues.get('fetch'),
    queued: () => queued,
  };
}

/** Times `start` from the first job taken off `first` to `done()`; samples the children's RSS. */
async function timeRun(redis, first, n, start, done) {
  const before = await info(redis);
  const children = start();
  const waiting0 = await first.getWaitingCount();
  let t0 = 0;
  let cpu0 = 0;
  let cpu1;
  const peak = children.map(() => 0);
  let after;
  const cpuOf = () => children.reduce((sum, c) => sum + cpuMs(c.pid), 0);
  try {
    for (;;) {
      if (!t0 && (await first.getWaitingCount()) < waiting0) {
        t0 = performance.now();
        cpu0 = cpuOf();
      }
      children.forEach((c, i) => (peak[i] = Math.max(peak[i], procStatus(c.pid, 'VmHWM') || 0)));
      if (await done()) break;
      if (children.some((c) => c.exitCode !== null)) throw new Error('a worker process exited early');
      await sleep(20);
    }
    cpu1 = cpuOf();
    after = await info(redis);
  } finally {
    await stop(children);
  }
  const secs = (performance.now() - t0) / 1000;
  return {
    docsPerSec: n / secs,
    secs,
    rssMB: Math.max(...peak),
    cpuMs: (cpu1 - cpu0) / n,
    redisCpuMs: ((after.used_cpu - before.used_cpu) * 1000) / n,
    ...perDoc(before, after, n),
  };
}

async function runPressline(redis, redisUrl, n, processes = 1, env = {}) {
  const p = await presslineSetup(redisUrl);
  try {
    await p.enqueue(0, n);
    const count = archiveCounter(p.archive);
    const r = await timeRun(
      redis,
      p.first,
      n,
      () => p.workers(processes, env),
      async () => (await count()) >= n,
    );
    const check = await archiveCheck(p.archive);
    if (check.lines !== n || check.distinct !== n)
      throw new Error(
        `archive holds ${check.lines} lines, ${check.distinct} distinct records; expected ${n} once each`,
      );
    return r;
  } finally {
    await p.cleanup();
  }
}

async function runBare(redis, redisUrl, n, shapeName = 'bare') {
  const shape = SHAPES[shapeName];
  const prefix = `{bench-bare-${randomUUID().slice(0, 8)}}`;
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const first = new Queue('s1', { connection, prefix });
  const last = new Queue(`s${shape.sizes.length}`, { connection, prefix });
  try {
    const run = randomUUID().slice(0, 8);
    await first.addBulk(
      Array.from({ length: n }, (_, i) => ({
        name: 'doc',
        data: {
          docId: `bench-${run}-${i}`,
          body: transcript(run, i).slice(0, shape.sizes[0]).padEnd(shape.sizes[0]),
        },
        opts: shape.opts,
      })),
    );
    return await timeRun(
      redis,
      first,
      n,
      () => [
        spawn(
          process.execPath,
          [fileURLToPath(import.meta.url), '--bare-child', redisUrl, prefix, String(CONCURRENCY), shapeName],
          { stdio: 'inherit' },
        ),
      ],
      async () => (await last.getCompletedCount()) >= n,
    );
  } finally {
    let cursor = '0';
    do {
      const [next, keys] = await connection.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await connection.del(...keys);
    } while (cursor !== '0');
    await first.close();
    await last.close();
    connection.disconnect();
  }
}

const fmt = (label, r) =>
  `${label.padEnd(24)} ${r.docsPerSec.toFixed(0).padStart(5)} docs/s  ${r.secs.toFixed(2).padStart(6)} s  ` +
  `CPU/doc ${r.cpuMs.toFixed(2)} ms workers + ${r.redisCpuMs.toFixed(2)} ms Redis  ` +
  `${r.executed.toFixed(1).padStart(6)} Redis commands/doc  ` +
  `${r.inKB.toFixed(1)} kB in / ${r.outKB.toFixed(1)} kB out per doc  peak RSS ${r.rssMB.toFixed(0)} MB\n` +
  `${''.padEnd(24)} top commands/doc: ${r.top}`;

/**
 * Variants of the workers' settings to compare in the same run, e.g.
 * PIPELINE_BENCH_VARIANTS="STAGE_THREADS=0; STAGE_THREADS=1" (`;` between variants, spaces
 * between settings; PIPELINE_BENCH_CLI=… in a variant runs another build); by default one, the defaults.
 */
const VARIANTS = (process.env.PIPELINE_BENCH_VARIANTS ?? '')
  .split(';')
  .map((v) => v.trim())
  .filter(Boolean)
  .map((v) => ({
    label: v,
    env: Object.fromEntries(
      v.split(/\s+/).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
    ),
  }));
if (!VARIANTS.length) VARIANTS.push({ label: 'pressline workers', env: {} });

async function compare(redis, url) {
  console.log(
    `${N} documents of ${BYTES} bytes, concurrency ${CONCURRENCY}, ${ROUNDS} round(s) each, alternating`,
  );
  let bare;
  const best = VARIANTS.map(() => null);
  for (let round = 0; round < ROUNDS; round++) {
    const b = args.includes('--pressline-only') ? { docsPerSec: Infinity } : await runBare(redis, url, N);
    if (b.secs) console.log(fmt('bare 5-stage BullMQ', b));
    if (!bare || b.docsPerSec > bare.docsPerSec || !bare.secs) bare = b;
    for (const [i, v] of VARIANTS.entries()) {
      const p = await runPressline(redis, url, N, 1, v.env);
      console.log(fmt(v.label, p));
      if (!best[i] || p.docsPerSec > best[i].docsPerSec) best[i] = p;
    }
  }
  console.log();
  for (const [i, v] of VARIANTS.entries())
    console.log(
      `ratio ${(best[i].docsPerSec / bare.docsPerSec).toFixed(2)}  (${v.label}: Pressline ${best[i].docsPerSec.toFixed(0)} docs/s, ${best[i].cpuMs.toFixed(2)} ms CPU/doc; bare ${bare.docsPerSec.toFixed(0)} docs/s, ${bare.cpuMs?.toFixed(2)} ms CPU/doc; best of ${ROUNDS})`,
    );
}

/** The floor: the bare chain, and Pressline's queue traffic without Pressline's code, and Pressline. */
async function floor(redis, url) {
  console.log(`${N} documents of ${BYTES} bytes, concurrency ${CONCURRENCY}`);
  console.log(fmt('bare 5-stage BullMQ', await runBare(redis, url, N)));
  console.log(fmt('Pressline-shaped chain', await runBare(redis, url, N, 'pressline-shaped')));
  console.log(fmt('pressline workers', await runPressline(redis, url, N)));
}

async function scale(redis, url) {
  console.log(`${N} documents of ${BYTES} bytes, concurrency ${CONCURRENCY} per process`);
  for (const k of [1, 2, 4]) {
    const r = await runPressline(redis, url, N, k);
    console.log(fmt(`${k} worker process${k > 1 ? 'es' : ''}`, r));
  }
}

/** Disk used under a folder, in MB (`du`), 0 when it is not there. */
const duMB = (dir) => {
  const r = spawnSync('du', ['-sk', dir], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.split('\t')[0]) / 1024 : 0;
};

/** Feeds SOAK_N documents keeping the backlog bounded, and samples memory every 10,000 archived. */
async function soak(redis, url) {
  const p = await presslineSetup(url);
  const step = 10_000;
  const backlog = 4000;
  try {
    await p.enqueue(0, Math.min(backlog, SOAK_N));
    const count = archiveCounter(p.archive);
    const [child] = p.workers(1);
    const t0 = performance.now();
    console.log(
      '| archived | workers RSS (MB) | Redis used_memory (MB) | records in the link index | Redis keys | DATA_DIR fetched/ + versions/ (MB) | docs/s since last row |',
    );
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    let next = step;
    const heapAt = (process.env.PIPELINE_SOAK_HEAP_AT ?? '').split(',').filter(Boolean).map(Number);
    let lastT = t0;
    let lastN = 0;
    for (;;) {
      const done = await count();
      if (p.queued() < SOAK_N && p.queued() - done < backlog / 2)
        await p.enqueue(p.queued(), Math.min(SOAK_N, p.queued() + backlog / 2));
      // PIPELINE_SOAK_HEAP_AT="20000,60000" with PIPELINE_BENCH_NODE_ARGS="--heapsnapshot-signal=SIGUSR2
      // --diagnostic-dir=…": a heap snapshot of the workers at those counts, to diff what grows.
      while (heapAt.length && done >= heapAt[0]) {
        heapAt.shift();
        child.kill('SIGUSR2');
      }
      if (done >= next) {
        const now = performance.now();
        const mem = (await info(redis)).used_memory / 2 ** 20;
        // The link index keeps the newest LINK_WINDOW records; the fetch index and the versions
        // kept for diffs grow with the archive, on disk.
        const linked = await redis.hlen(p.app.stores.keys.minhash);
        const keys = await redis.dbsize();
        const disk = duMB(join(p.dataDir, 'fetched')) + duMB(join(p.dataDir, 'versions'));
        console.log(
          `| ${next} | ${procStatus(child.pid, 'VmRSS').toFixed(0)} | ${mem.toFixed(1)} | ${linked} | ${keys} | ${disk.toFixed(0)} | ${((done - lastN) / ((now - lastT) / 1000)).toFixed(0)} |`,
        );
        lastT = now;
        lastN = done;
        next += step;
      }
      if (done >= SOAK_N) break;
      if (child.exitCode !== null) throw new Error('the worker process exited early');
      await sleep(100);
    }
    await stop([child]);
    const check = await archiveCheck(p.archive);
    console.log(
      `\n${check.lines} lines, ${check.distinct} distinct records in the archive; ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
  } finally {
    await p.cleanup();
  }
}

/** The longest transcript the fuzz suite lets through (500,000 characters of text), with many figures. */
function longTranscript(chars = 480_000) {
  let text = 'Remarks by Commissioner Anna Lindqvist on the cohesion package\n\nBrussels, 2 March 2026\n\n';
  for (let i = 1; text.length < chars; i++)
    text +=
      `Question: Could you say how many of the ${i} municipalities will receive funds, and whether ` +
      `the €${i} million is new money?\n\nCommissioner Lindqvist: About two thirds of them will, and ` +
      `${i * 3} more after September. It is new money: ${i + 1} billion euro, up ${i % 50}% on 2024.\n\n`;
  return text;
}

/**
 * Take-over after a crash, with the default LOCK_DURATION_MS and STALLED_INTERVAL_MS: a worker
 * process is SIGKILLed while it fetches a page that never answers; how long until the other
 * process fetches it again. Then the longest document the fuzz suite allows goes through two
 * live processes: no job of it may be taken from the busy one (no stalled job).
 */
async function takeover(redis, url) {
  let hits = 0;
  let secondHit = null;
  const server = createHttpServer((req, res) => {
    if (req.url === '/robots.txt') return res.writeHead(404).end();
    hits++;
    if (hits === 1) return; // the first request never gets an answer: its worker is killed meanwhile
    secondHit ??= performance.now();
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(transcript('takeover', 0));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const p = await presslineSetup(url);
  const env = { FETCH_ALLOW_PRIVATE: 'true', FETCH_MIN_INTERVAL_MS: '0', FETCH_RETRIES: '0' };
  const children = [];
  try {
    const page = `http://127.0.0.1:${server.address().port}/remarks-takeover`;
    await p.app.enqueue({
      label: page,
      variant: page,
      job: {
        docId: `generic:takeover-${p.run}`,
        traceId: randomUUID(),
        stages: {},
        target: { kind: 'url', url: page, allowPrivate: true },
      },
    });
    const [a] = p.workers(1, env);
    children.push(a);
    while (hits === 0) await sleep(20);
    children.push(...p.workers(1, env));
    await sleep(2000); // the second process is up and idle
    const killed = performance.now();
    a.kill('SIGKILL');
    while (secondHit === null) {
      if (performance.now() - killed > 120_000) throw new Error('no take-over within 120 s');
      await sleep(20);
    }
    console.log(
      `take-over: a worker SIGKILLed mid-fetch; its job fetched again by the other process after ${((secondHit - killed) / 1000).toFixed(1)} s`,
    );

    const eventConnections = [];
    const queues = p.app.queues.documentQueues().map(
      (name) =>
        new QueueEvents(name, {
          connection:
            eventConnections[eventConnections.push(new Redis(url, { maxRetriesPerRequest: null })) - 1],
          prefix: `{${p.app.config.queuePrefix}}`,
        }),
    );
    let stalled = 0;
    for (const q of queues) q.on('stalled', () => stalled++);
    await Promise.all(queues.map((q) => q.waitUntilReady()));
    children.push(...p.workers(1, env));
    const bytes = Buffer.from(longTranscript());
    const docId = `file:long-${p.run}`;
    await p.app.enqueue({
      label: 'long',
      variant: sha256(bytes),
      job: {
        docId,
        traceId: randomUUID(),
        stages: {},
        target: {
          kind: 'inline',
          path: '/bench/long.txt',
          url: null,
          contentType: 'text/plain; charset=utf-8',
          bodyBase64: bytes.toString('base64'),
        },
      },
    });
    const started = performance.now();
    let doc;
    do {
      await sleep(100);
      doc = await p.app.status.get(docId);
    } while (doc?.state !== 'published' && doc?.state !== 'failed' && performance.now() - started < 300_000);
    const slowest = Object.entries(doc?.stages ?? {}).sort((x, y) => (y[1].ms ?? 0) - (x[1].ms ?? 0))[0];
    console.log(
      `busy worker: ${bytes.length} bytes of text ${doc?.state} in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
        `slowest stage ${slowest?.[0]} ${((slowest?.[1].ms ?? 0) / 1000).toFixed(1)} s; ${stalled} job(s) stalled, ` +
        `attempts ${Object.values(doc?.stages ?? {})
          .map((s) => s.attempts ?? 1)
          .join(',')}`,
    );
    await Promise.all(queues.map((q) => q.close()));
    for (const c of eventConnections) c.disconnect();
  } finally {
    await stop(children);
    server.close();
    await p.cleanup();
  }
}

async function main() {
  const redisServer = await startRedis();
  const redis = new Redis(redisServer.url);
  console.log(
    `Redis: ${redisServer.own ? `own redis-server at ${redisServer.url}` : `${redisServer.url} (fresh prefixes)`}`,
  );
  try {
    if (args.includes('--soak')) await soak(redis, redisServer.url);
    else if (args.includes('--takeover')) await takeover(redis, redisServer.url);
    else if (args.includes('--floor')) await floor(redis, redisServer.url);
    else if (args.includes('--scale')) await scale(redis, redisServer.url);
    else await compare(redis, redisServer.url);
  } finally {
    redis.disconnect();
    await redisServer.stop();
  }
}

if (args[0] === '--bare-child') bareChild();
else await main();
