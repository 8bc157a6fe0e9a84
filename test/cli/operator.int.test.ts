import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { access, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonlSink } from '../../src/sinks/jsonl.js';
import { startFixtureSite } from '../fixtures/site/server.js';
import { CLI } from '../helpers/harness.js';
import { eventually, testPipeline, withoutArchives, type TestPipeline } from '../helpers/pipeline.js';
import { recordFixture } from '../helpers/record.js';
import { postgresForTests, redisForTests } from '../helpers/services.js';
import {
  newSecret,
  postgresTarget,
  tcpProxy,
  testSchema,
  webhookReceiver,
  withSearchPath,
} from '../helpers/sinks.js';
import { prepareSinks } from '../../src/sinks/index.js';
import { fileInput } from '../../src/inputs.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const transcript = join(root, 'test/fixtures/transcripts/commission-midday.txt');
type Failure = { code: number; stdout: string; stderr: string };

/** Runs the built CLI with this environment (no archive unless given), in `cwd`. */
const cli = (args: string[], env: Record<string, string> = {}, cwd = root) =>
  run(process.execPath, [CLI, ...args], { cwd, env: { ...withoutArchives, LOG_LEVEL: 'silent', ...env } });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('the command succeeded');
    },
    (e: Failure) => e,
  );

/** `pressline start` as a child process; resolves once it says it runs, with its stderr so far. */
async function startCli(
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ child: ChildProcess; stderr: () => string }> {
  const child = spawn(process.execPath, [CLI, 'start', ...args], {
    cwd: root,
    env: { ...withoutArchives, DISCOVERY: 'false', DASHBOARD_PORT: '0', ...env },
  });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  await eventually(async () => (err.includes('Pressline is running') ? true : undefined), 30_000, 'start');
  return { child, stderr: () => err };
}

const stop = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe("the operator's day", { timeout: 120_000 }, () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function pipelineEnv(): Promise<Record<string, string>> {
    const dir = await mkdtemp(join(tmpdir(), 'pl-operator-'));
    const prefix = `test-${randomUUID()}`;
    const redisUrl = await redisForTests();
    cleanups.push(async () => {
      const redis = new Redis(redisUrl);
      const keys = await redis.keys(`{${prefix}}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
      await rm(dir, { recursive: true, force: true });
    });
    return {
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      DATA_DIR: join(dir, 'data'),
      INBOX_DIR: join(dir, 'inbox'),
    };
  }

  it('starts with PostgreSQL down, ingest exits 0 once JSON Lines has the record and says PostgreSQL retries, status shows sources and sinks', async () => {
    const env = { ...(await pipelineEnv()), DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' };
    const other = join(root, 'test/fixtures/transcripts/ecb-hearing.txt');
    const { child, stderr } = await startCli({ ...env, LOG_LEVEL: 'info' }, ['--ingest', other]);
    cleanups.push(() => stop(child));
    expect(stderr()).toMatch(/PostgreSQL does not answer: its deliveries wait in deliver-pg/);
    await eventually(
      async () =>
        /1 of 1 input\(s\) published to .* · 1 still retrying another archive/.test(stderr())
          ? true
          : undefined,
      30_000,
      "start's --ingest report",
    );

    const { stderr: said } = await cli(['ingest', transcript], env);
    expect(said).toMatch(/in JSON Lines; PostgreSQL retrying, next try \d\d:\d\d:\d\d/);
    expect(said).toMatch(/^1 record\(s\) published\. JSON Lines archive: /m);

    const status = JSON.parse((await cli(['status', '--json'], env)).stdout) as {
      queues: { queue: string }[];
      sources: { name: string }[];
      sinks: { sink: string; retrying: number; nextTryAt: string | null }[];
    };
    expect(status.sources.map((s) => s.name)).toEqual(['ec-presscorner', 'eeas', 'consilium', 'ecb']);
    const pg = status.sinks.find((s) => s.sink === 'pg');
    expect(pg?.retrying).toBe(2);
    // Due within the backoff: soon, or just now while a worker takes it.
    expect(Math.abs(Date.parse(pg?.nextTryAt ?? '') - Date.now())).toBeLessThan(60_000);
    const text = (await cli(['status'], env)).stdout;
    expect(text).toMatch(/^sources\n {2}ec-presscorner: not run yet$/m);
    expect(text).toMatch(
      /^ {2}pg: 2 retrying \(next try [^,]+, \d+ tries so far\), 0 failed; last error at \S+: PostgreSQL did not complete the migrations \(ECONNREFUSED/m,
    );

    // Retried failures: one warn line each, no stack.
    const warns = stderr()
      .split('\n')
      .filter((l) => l.includes('"level":40'));
    expect(warns.length).toBeGreaterThan(0);
    for (const w of warns) expect(w).not.toContain('"stack"');
    expect(await stop(child)).toBe(0);
  });

  it('moves inbox files to inbox/.ingested/ and keeps an older file of the same name', async () => {
    const env = await pipelineEnv();
    await mkdir(env.INBOX_DIR!, { recursive: true });
    const { child } = await startCli({ ...env, LOG_LEVEL: 'silent' });
    cleanups.push(() => stop(child));
    const done = join(env.INBOX_DIR!, '.ingested');
    const files = async () => (await readdir(done).catch(() => [] as string[])).sort();
    await writeFile(join(env.INBOX_DIR!, 'remarks.txt'), await readFile(transcript, 'utf8'));
    await eventually(async () => ((await files()).length === 1 ? true : undefined), 20_000, 'first move');
    await writeFile(
      join(env.INBOX_DIR!, 'remarks.txt'),
      'Good morning.\n\nWe agreed on three points today.\n',
    );
    const both = await eventually(
      async () => ((await files()).length === 2 ? files() : undefined),
      20_000,
      'second',
    );
    expect(both[0]).toMatch(/^remarks\.\d{4}-\d\d-\d\dT[\d-]+Z\.txt$/);
    expect(both[1]).toBe('remarks.txt');
    expect(await readFile(join(done, 'remarks.txt'), 'utf8')).toBe(await readFile(transcript, 'utf8'));
  });

  it('logs one info line per document at the default level', async () => {
    const env = await pipelineEnv();
    const folder = join(root, 'test/fixtures/transcripts');
    const count = (await readdir(folder)).length;
    const child = spawn(process.execPath, [CLI, 'start', '--ingest', folder], {
      cwd: root,
      env: { ...withoutArchives, ...env, DISCOVERY: 'false', DASHBOARD_PORT: '0', LOG_LEVEL: 'info' },
    });
    cleanups.push(() => stop(child));
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    await eventually(
      async () => (err.includes(`${count} of ${count} input(s) published`) ? true : undefined),
      60_000,
      'published',
    );
    const logs = err.split('\n').filter((l) => l.startsWith('{'));
    const perDoc = logs.filter((l) => l.includes('"msg":"record published"'));
    expect(perDoc).toHaveLength(count);
    // Besides one line per document: the start lines only (workers, dashboard, started).
    expect(logs.length - perDoc.length).toBeLessThanOrEqual(5);
    expect(logs.filter((l) => l.includes('"stage completed"'))).toEqual([]);
  });

  it('sends a waiting webhook delivery as soon as the receiver answers again, not after its backoff', async () => {
    const receiver = await webhookReceiver();
    const proxy = await tcpProxy({ host: '127.0.0.1', port: Number(new URL(receiver.url).port) });
    await proxy.cut();
    const secret = newSecret();
    const webhookUrl = `http://127.0.0.1:${proxy.port}/hooks/pressline`;
    // A minute before the first retry: only the probe can send it within the test.
    const p: TestPipeline = await testPipeline({ webhookUrl, webhookSecret: secret, backoffMs: 60_000 });
    cleanups.push(
      () => receiver.close(),
      () => proxy.close(),
      () => p.cleanup(),
    );
    p.app.startWorkers();
    const env = {
      REDIS_URL: p.config.redisUrl,
      QUEUE_PREFIX: p.config.queuePrefix,
      DATA_DIR: p.config.dataDir,
      WEBHOOK_URL: webhookUrl,
      WEBHOOK_SECRET: secret,
    };
    const { stderr } = await cli(['ingest', transcript], env);
    expect(stderr).toMatch(/in JSON Lines; the webhook retrying, next try \d\d:\d\d:\d\d/);
    await proxy.restore();
    await eventually(async () => (receiver.accepted.length === 1 ? true : undefined), 20_000, 'the POST');
    const again = await cli(['ingest', '--force', '--wait-all', transcript], env);
    expect(again.stderr).toMatch(/^1 record\(s\) published\. 1 in every archive \(jsonl, webhook\)\./m);
  });

  it('creates the PostgreSQL tables and delivers as soon as PostgreSQL answers, after starting without it', async () => {
    const db = await testSchema();
    const proxy = await tcpProxy(await postgresTarget());
    await proxy.cut();
    const databaseUrl = withSearchPath(await postgresForTests(), db.schema, `127.0.0.1:${proxy.port}`);
    const p = await testPipeline({ databaseUrl, backoffMs: 60_000 });
    cleanups.push(
      () => db.drop(),
      () => proxy.close(),
      () => p.cleanup(),
    );
    await prepareSinks(p.config, p.runtime.log);
    p.app.startWorkers();
    const input = await fileInput(transcript);
    await p.app.enqueue(input);
    await eventually(
      async () =>
        (await p.app.status.get(input.job.docId))?.stages['deliver-pg']?.state === 'retrying'
          ? true
          : undefined,
      20_000,
      'a pg delivery waiting',
    );
    await proxy.restore();
    await eventually(
      async () => ((await p.app.status.get(input.job.docId))?.state === 'published' ? true : undefined),
      20_000,
      'published',
    );
    expect(Number((await db.pool.query('SELECT count(*) AS n FROM current_records')).rows[0].n)).toBe(1);
  });

  it('fills PostgreSQL added later from the JSON Lines archive, once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pl-sync-'));
    const db = await testSchema();
    cleanups.push(
      () => db.drop(),
      () => rm(dir, { recursive: true, force: true }),
    );
    const jsonl = new JsonlSink({ dir: join(dir, 'archive'), fsync: 'never' });
    const records = [
      recordFixture({ id: 'eeas:a' }),
      recordFixture({ id: 'eeas:b' }),
      recordFixture({ id: 'eeas:a', fetchedAt: '2025-03-13T08:00:00.000Z', suffix: 'Thanks.' }),
      recordFixture({
        id: 'eeas:c',
        turns: [
          {
            kind: 'question',
            speaker: 'Laura Schmidt, Reuters',
            text: 'Is it true that €9 billion is missing?',
            figures: [{ phrase: '€9 billion', kind: 'money', value: 9e9, unit: 'EUR' }],
          },
          {
            kind: 'answer',
            speaker: 'Kaja Kallas',
            text: 'No. We have €3 billion ready.',
            figures: [{ phrase: '€3 billion', kind: 'money', value: 3e9, unit: 'EUR' }],
          },
        ],
      }),
    ];
    for (const r of records) await jsonl.deliver(r);
    await jsonl.close();
    const env = { DATA_DIR: dir, DATABASE_URL: db.url };
    const first = await cli(['sync', 'pg'], env);
    expect(first.stderr).toMatch(/\[#{30}\] 4\/4 · 4 sent/);
    expect(first.stderr).toMatch(
      /pg \(127\.0\.0\.1:5432\/test\): 4 record version\(s\) written, 0 already there, from jsonl\./,
    );
    const n = async (sql: string) => Number((await db.pool.query(sql)).rows[0].n);
    expect(await n('SELECT count(*) AS n FROM records')).toBe(4);
    expect(await n('SELECT count(*) AS n FROM current_records')).toBe(3);
    expect((await cli(['sync', 'pg'], env)).stderr).toMatch(/0 record version\(s\) written, 4 already there/);
    // Every SQL example of docs/archives.md runs on it; the officials' EUR query leaves the question out.
    const docs = await readFile(join(root, 'docs/archives.md'), 'utf8');
    const queries = [...docs.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(queries.length).toBeGreaterThan(5);
    for (const q of queries) await db.pool.query(q);
    const officials = queries.find((q) => q.includes("s.kind <> 'question'"))!;
    const rows = (await db.pool.query(officials)).rows as { speaker: string; total_eur: string }[];
    expect(rows.map((r) => [r.speaker, Number(r.total_eur)])).toEqual([
      ['Ursula von der Leyen', 2.5e9 * 2],
      ['Kaja Kallas', 3e9],
    ]);
    const wrong = await failure(cli(['sync', 'webhook'], env));
    expect(wrong.stderr.trim()).toBe(
      'pressline [ERR_CONFIG]: No archive "webhook" is configured; configured: jsonl, pg (pg needs DATABASE_URL, webhook WEBHOOK_URL).',
    );
  });

  it('says in one line which port is in use and which setting changes it, and start does not run on without its dashboard', async () => {
    const env = await pipelineEnv();
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const { port } = busy.address() as AddressInfo;
    cleanups.push(() => new Promise((r) => busy.close(r)));
    const line = `Port ${port} on 127.0.0.1 is in use: another program (perhaps another pressline) listens there. Stop it, or set DASHBOARD_PORT (or --port) to a free port.`;
    for (const args of [['dashboard', '--port', String(port)], ['start']]) {
      const e = await failure(cli(args, { ...env, DISCOVERY: 'false', DASHBOARD_PORT: String(port) }));
      expect(e.code).toBe(1);
      expect(e.stderr.trim()).toBe(`pressline [ERR_CONFIG]: ${line}`);
    }
  });

  it('says where a one-shot command failed, without "will retry", and prints the stack only at debug', async () => {
    const env = { DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/archive` };
    const e = await failure(cli(['migrate'], env));
    const lines = e.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^pressline \[ERR_PG_UNAVAILABLE\]: PostgreSQL at 127\.0\.0\.1:\d+\/archive: PostgreSQL did not complete the migrations \(ECONNREFUSED: the server does not answer\)\.$/,
    );
    const debug = await failure(cli(['migrate'], { ...env, LOG_LEVEL: 'debug' }));
    expect(debug.stderr).toMatch(/\n {4}at /);
  });

  it('process writes no raw snapshots into the folder it runs in, unless asked to keep them', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'pl-process-'));
    cleanups.push(() => rm(cwd, { recursive: true, force: true }));
    await cp(transcript, join(cwd, 'remarks.txt'));
    await cli(['process', 'remarks.txt'], {}, cwd);
    expect(await readdir(cwd)).toEqual(['remarks.txt']);
    await cli(['process', '--keep-raw', 'remarks.txt'], { DATA_DIR: join(cwd, 'kept') }, cwd);
    await expect(access(join(cwd, 'kept', 'raw'))).resolves.toBeUndefined();
  });

  it('lists, validates and dry-runs sources, naming a bad source by its name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pl-sources-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'sources.yaml');
    await writeFile(
      file,
      'sources:\n  - name: ministry\n    type: rss\n    url: https://example.org/feed.xml\n    interval: 1h30m\n',
    );
    const list = await cli(['sources'], { SOURCES_FILE: file });
    expect(list.stdout).toBe('ministry  rss   on   every 90m   https://example.org/feed.xml\n');
    expect((await cli(['sources', 'validate', file])).stdout).toMatch(/1 source\(s\), 1 on; no problems/);
    const bad = join(dir, 'bad.yaml');
    await writeFile(
      bad,
      'sources:\n  - name: ministry\n    type: atom\n  - name: quick\n    type: eeas\n    interval: 0s\n',
    );
    const e = await failure(cli(['sources', 'validate', bad]));
    expect(e.stderr).toContain(
      '- ministry: type "atom" is not a source type; valid types: presscorner, eeas, rss, consilium, ecb, sitemap',
    );
    expect(e.stderr).toContain('- quick: interval: too short: at least 1m');
    // A dry run lists the source now and prints what it would queue; nothing is queued.
    const site = await startFixtureSite();
    cleanups.push(() => site.close());
    const env = await pipelineEnv();
    await writeFile(
      file,
      `sources:\n  - name: ministry\n    type: rss\n    url: ${site.url}/feed.atom\n    allowPrivate: true\n`,
    );
    const dry = await cli(['sources', 'dry-run', 'ministry'], { ...env, SOURCES_FILE: file });
    expect(dry.stdout).toBe(`${site.url}/news/minister-remarks  ministry: Minister remarks\n`);
    expect(dry.stderr).toMatch(
      /ministry: 1 item\(s\) listed, 1 would be queued, 0 already seen, 0 filtered out; nothing was queued\./,
    );
    expect(site.requests('/news/')).toEqual([]);
    const counts = JSON.parse((await cli(['status', '--json'], env)).stdout) as {
      queues: { queue: string; counts: Record<string, number> }[];
    };
    expect(counts.queues.find((q) => q.queue === 'fetch')?.counts).toEqual({
      waiting: 0,
      active: 0,
      completed: 0,
      failed: 0,
      delayed: 0,
    });
    // A dry run of a source whose feed is refused as private: one line, nothing queued.
    await writeFile(
      file,
      'sources:\n  - name: intranet\n    type: rss\n    url: http://127.0.0.1:1/feed.xml\n',
    );
    const refused = await failure(
      cli(['sources', 'dry-run', 'intranet'], { SOURCES_FILE: file, REDIS_URL: 'redis://127.0.0.1:1' }),
    );
    expect(refused.stderr.trim()).toMatch(
      /^pressline \[ERR_FETCH_PRIVATE_ADDRESS\]: refused to fetch 127\.0\.0\.1/,
    );
  });
});
