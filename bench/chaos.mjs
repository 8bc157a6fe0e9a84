// npm run chaos -- [--docs 3000] [--workers 2] [--kills 3] [--fail-rate 0.1] [--seed 1] [--timeout 3600]
//
// Exactly-once under crashes, measured: N distinct transcripts through several
// `pressline workers` processes into JSON Lines, PostgreSQL and a webhook, while the
// workers are SIGKILLed at random points, Redis (its own, AOF, appendfsync always) is
// SIGKILLed once and restarted, and the webhook receiver fails deliveries at random.
// Prints lost and doubled per archive and exits 1 on any. Needs redis-server on PATH and
// PostgreSQL at DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), where it
// works in a schema of its own and drops it after. The machine's Redis is not touched.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { openSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createServer as netServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');

const { values: args } = parseArgs({
  options: {
    docs: { type: 'string', default: '3000' },
    workers: { type: 'string', default: '2' },
    kills: { type: 'string', default: '3' },
    'fail-rate': { type: 'string', default: '0.1' },
    seed: { type: 'string', default: String(Date.now() % 100000) },
    timeout: { type: 'string', default: '3600' },
  },
});
const N = Number(args.docs);
const WORKERS = Number(args.workers);
const KILLS = Number(args.kills);
const FAIL_RATE = Number(args['fail-rate']);
const TIMEOUT_MS = Number(args.timeout) * 1000;
if (!(N > 0) || !(WORKERS >= 2) || !(KILLS >= 0)) {
  console.error('chaos: --docs must be > 0, --workers ≥ 2, --kills ≥ 0');
  process.exit(2);
}

// A small seeded generator, so a run can be repeated (--seed).
let state = Number(args.seed) >>> 0 || 1;
const random = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
};
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (msg) => process.stderr.write(`[chaos ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

const freePort = () =>
  new Promise((done) => {
    const s = netServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });

// ---- the transcripts: written here, each one distinct --------------------------------
const SPEAKERS = [
  'Commissioner Rivera',
  'President Novak',
  'High Representative Lund',
  'Vice-President Okafor',
];
const TOPICS = [
  'rail freight',
  'drought relief',
  'chip factories',
  'flood defences',
  'border checks',
  'vaccines',
];
function transcript(i) {
  const who = pick(SPEAKERS);
  const topic = pick(TOPICS);
  const amount = 10 + Math.floor(random() * 990);
  const share = 5 + Math.floor(random() * 90);
  return [
    `Remarks by ${who} on ${topic} (chaos run item ${i})`,
    `Brussels, ${String(1 + (i % 28)).padStart(2, '0')}/03/2026`,
    `${who}: Good afternoon. Today we put forward €${amount} million for ${topic}, and ${share}% of it goes to the regions that need it most.`,
    `Question: How much of this is new money, and when will item ${i} be paid?`,
    `${who}: About €${Math.ceil(amount / 3)} million is fresh funding. The first payments come within ${2 + (i % 10)} weeks.`,
    'Thank you.',
    '',
  ].join('\n');
}

// ---- Redis of its own, with AOF --------------------------------------------------------
async function startRedis(port, dir) {
  const proc = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    if (await answers(port)) return proc;
    await sleep(50);
  }
  throw new Error(`redis-server did not start on port ${port}`);
}
const answers = (port) =>
  new Promise((done) => {
    const s = netServer();
    s.close();
    import('node:net').then(({ createConnection }) => {
      const c = createConnection({ host: '127.0.0.1', port });
      c.once('connect', () => (c.destroy(), done(true)));
      c.once('error', () => done(false));
    });
  });

// ---- the webhook receiver: fails at random, counts by webhook-id -----------------------
function startReceiver() {
  const accepted = new Map(); // webhook-id → times answered 2xx
  const byVersion = new Map(); // "id version" → set of webhook-ids answered 2xx
  let failed = 0;
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (random() < FAIL_RATE) {
        failed++;
        res.statusCode = 500;
        return res.end('chaos says no');
      }
      const msgId = String(req.headers['webhook-id']);
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const key = `${event.data.id} ${event.data.version}`;
      accepted.set(msgId, (accepted.get(msgId) ?? 0) + 1);
      if (!byVersion.has(key)) byVersion.set(key, new Set());
      byVersion.get(key).add(msgId);
      res.statusCode = 204;
      res.end();
    });
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({
        server,
        url: `http://127.0.0.1:${server.address().port}/hook`,
        accepted,
        byVersion,
        failed: () => failed,
      }),
    ),
  );
}

// ---- counting what each archive holds --------------------------------------------------
async function jsonlCounts(dir) {
  let files;
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.jsonl'));
  } catch {
    return { rows: 0, distinct: new Set() };
  }
  const distinct = new Set();
  let rows = 0;
  for (const f of files)
    for (const line of (await readFile(join(dir, f), 'utf8')).split('\n')) {
      if (!line.trim()) continue;
      try {
        const r = JSON.parse(line);
        distinct.add(`${r.id} ${r.version}`);
        rows++;
      } catch {
        // a torn tail a killed writer left; the next append cuts it
      }
    }
  return { rows, distinct };
}
async function pgCounts(pool) {
  const { rows } = await pool.query('SELECT id, version FROM records').catch(() => ({ rows: [] }));
  return { rows: rows.length, distinct: new Set(rows.map((r) => `${r.id} ${r.version}`)) };
}

// ---- main -------------------------------------------------------------------------------
const work = await mkdtemp(join(tmpdir(), 'pressline-chaos-'));
const inbox = join(work, 'inbox');
const dataDir = join(work, 'data');
const redisDir = join(work, 'redis');
await Promise.all([mkdir(inbox), mkdir(dataDir), mkdir(redisDir)]);
for (let i = 0; i < N; i++)
  await writeFile(join(inbox, `chaos-${String(i).padStart(5, '0')}.txt`), transcript(i));

const redisPort = await freePort();
let redis = await startRedis(redisPort, redisDir);
const baseDb = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `chaos_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
const admin = new pg.Pool({ connectionString: baseDb, max: 1 });
await admin.query(`CREATE SCHEMA ${schema}`);
const dbUrl = new URL(baseDb);
dbUrl.searchParams.set('options', `-c search_path=${schema}`);
const receiver = await startReceiver();
const env = {
  ...process.env,
  REDIS_URL: `redis://127.0.0.1:${redisPort}`,
  QUEUE_PREFIX: 'chaos',
  DATA_DIR: dataDir,
  DATABASE_URL: dbUrl.toString(),
  WEBHOOK_URL: receiver.url,
  WEBHOOK_SECRET: `whsec_${randomBytes(32).toString('base64')}`,
  JSONL_FSYNC: 'always',
  LOG_LEVEL: 'error',
  JOB_ATTEMPTS: '50',
  JOB_BACKOFF_MS: '200',
  DELIVER_ATTEMPTS: '50',
  DELIVER_MAX_BACKOFF_MS: '2000',
};
// Workers' logs (errors only; many while Redis is away) go to a file that outlives the run.
const workerLog = join(tmpdir(), `pressline-chaos-${process.pid}.log`);
const logFd = openSync(workerLog, 'a');
const run = (argv, quiet = true, stdout = 'ignore') =>
  spawn(process.execPath, [CLI, ...argv], { env, stdio: ['ignore', stdout, quiet ? logFd : 'inherit'] });
/** Queues with jobs failed for good, from `pressline status --json` ("" when none). */
async function failedJobs() {
  const proc = run(['status', '--json'], true, 'pipe');
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  if ((await exited(proc)) !== 0) return '';
  return JSON.parse(out)
    .queues.filter((q) => q.counts.failed > 0)
    .map((q) => `${q.queue} ${q.counts.failed}`)
    .join(', ');
}
const exited = (proc) =>
  new Promise((done) => (proc.exitCode !== null ? done(proc.exitCode) : proc.once('exit', done)));

const started = Date.now();
let stopping = false;
const pool = new pg.Pool({ connectionString: dbUrl.toString(), max: 2 });
const workers = [];
let restarts = 0;
function startWorker(slot) {
  const proc = run(['workers']);
  workers[slot] = proc;
  // A worker that dies on its own (Redis away at its start) is started again, as a supervisor would.
  proc.once('exit', () => {
    if (stopping || workers[slot] !== proc) return;
    restarts++;
    setTimeout(() => !stopping && workers[slot] === proc && startWorker(slot), 500);
  });
}
let code;
// Interrupted (Ctrl-C, a timeout): the finally below still stops what this script started.
let interrupt;
const interrupted = new Promise((_, reject) => (interrupt = reject));
interrupted.catch(() => {});
for (const sig of ['SIGINT', 'SIGTERM'])
  process.once(sig, () => interrupt(new Error(`interrupted (${sig})`)));
try {
  log(
    `${N} transcripts; redis-server on ${redisPort} (AOF always); PostgreSQL schema ${schema}; worker logs in ${workerLog}`,
  );
  if ((await exited(run(['migrate'], false))) !== 0) throw new Error('pressline migrate failed');
  const ingest = run(['ingest', inbox, '--no-wait'], false);
  if ((await exited(ingest)) !== 0) throw new Error('pressline ingest failed');
  log(`queued; starting ${WORKERS} worker processes`);
  for (let s = 0; s < WORKERS; s++) startWorker(s);

  // The chaos: SIGKILLs at random points of progress, and one Redis restart.
  const events = [];
  for (let s = 0; s < WORKERS; s++)
    for (let k = 0; k < KILLS; k++) events.push({ at: 0.05 + random() * 0.85, kind: 'kill', slot: s });
  events.push({ at: 0.2 + random() * 0.6, kind: 'redis' });
  events.sort((a, b) => a.at - b.at);
  let kills = 0;
  let redisRestarts = 0;

  const progress = async () => (await jsonlCounts(join(dataDir, 'archive'))).distinct.size / N;
  let done = false;
  // when every event has run and the archives stop growing, failed jobs are why: say so and stop
  let seen = -1;
  let stillSince = Date.now();
  while (!done) {
    if (Date.now() - started > TIMEOUT_MS) throw new Error(`not done after ${args.timeout} s`);
    if (events.length === 0 && Date.now() - stillSince > 60_000) {
      const failed = await failedJobs();
      if (failed) throw new Error(`the archives stopped growing, with jobs failed for good: ${failed}`);
      stillSince = Date.now();
    }
    await Promise.race([sleep(500), interrupted]);
    const p = await progress();
    while (events.length && events[0].at <= p) {
      const e = events.shift();
      if (e.kind === 'kill') {
        const proc = workers[e.slot];
        workers[e.slot] = null;
        if (!proc) continue;
        proc.kill('SIGKILL');
        await exited(proc);
        kills++;
        log(`SIGKILL worker ${e.slot} at ${(p * 100).toFixed(0)}%`);
        startWorker(e.slot);
      } else {
        redis.kill('SIGKILL');
        await exited(redis);
        log(`SIGKILL redis-server at ${(p * 100).toFixed(0)}%; restarting it in 2 s from its AOF`);
        await sleep(2000);
        redis = await startRedis(redisPort, redisDir);
        redisRestarts++;
      }
    }
    const [j, q] = await Promise.all([jsonlCounts(join(dataDir, 'archive')), pgCounts(pool)]);
    const w = receiver.byVersion.size;
    if (j.distinct.size + q.distinct.size + w !== seen) {
      seen = j.distinct.size + q.distinct.size + w;
      stillSince = Date.now();
    }
    if (Math.floor((Date.now() - started) / 15000) !== Math.floor((Date.now() - started - 500) / 15000))
      log(`jsonl ${j.distinct.size} · pg ${q.distinct.size} · webhook ${w} of ${N}`);
    done = events.length === 0 && j.distinct.size >= N && q.distinct.size >= N && w >= N;
  }
  // Late doubles (a retry still in flight) have a few seconds to show.
  await sleep(5000);
  const seconds = Math.round((Date.now() - started) / 1000);
  const j = await jsonlCounts(join(dataDir, 'archive'));
  const q = await pgCounts(pool);
  const webhookDoubled = [...receiver.byVersion.values()].reduce((n, ids) => n + ids.size - 1, 0);
  const redeliveries = [...receiver.accepted.values()].reduce((n, c) => n + c - 1, 0);
  const result = {
    jsonl: { lost: N - j.distinct.size, doubled: j.rows - j.distinct.size },
    pg: { lost: N - q.distinct.size, doubled: q.rows - q.distinct.size },
    webhook: { lost: N - receiver.byVersion.size, doubled: webhookDoubled },
  };
  const bad = Object.values(result).some((r) => r.lost !== 0 || r.doubled !== 0);
  code = bad ? 1 : 0;
  console.log(
    `chaos: ${N} documents, ${WORKERS} workers, ${kills} SIGKILLs, ${redisRestarts} Redis restart (AOF), ` +
      `${receiver.failed()} webhook 500s, ${restarts} worker restarts after a failed start · ` +
      Object.entries(result)
        .map(([k, r]) => `${k} lost ${r.lost} doubled ${r.doubled}`)
        .join(' · ') +
      ` · webhook redeliveries ${redeliveries} (same webhook-id) · ${seconds} s · ${bad ? 'FAIL' : 'OK'}`,
  );
} catch (err) {
  console.error(`chaos: ${err.message}`);
  code = 1;
} finally {
  stopping = true;
  for (const w of workers) w?.kill('SIGKILL');
  await Promise.all(workers.filter(Boolean).map(exited));
  redis.kill('SIGKILL');
  await exited(redis);
  receiver.server.close();
  await pool.end();
  await admin.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => {});
  await admin.end();
  await rm(work, { recursive: true, force: true });
}
process.exit(code);
