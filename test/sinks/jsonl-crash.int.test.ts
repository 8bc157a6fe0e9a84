import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonlSink } from '../../src/sinks/jsonl.js';
import { RedisArchiveLock } from '../../src/store/archive-lock.js';
import { recordFixture } from '../helpers/record.js';
import { redisForTests } from '../helpers/services.js';

const DIST = resolve(import.meta.dirname, '../../dist');

/** Every (id, version) line of the archive folder. */
async function archived(dir: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.jsonl'));
  const text = (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join('');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const r = JSON.parse(l) as { id: string; version: string };
      return `${r.id} ${r.version}`;
    });
}

/**
 * Another process (the built sink) appends one record under the shared lock, says so, and
 * then waits for its job to complete, which never happens: the test SIGKILLs it there.
 */
async function appendThenGetKilled(redisUrl: string, lockKey: string, dir: string, record: unknown) {
  const code = `
    import { Redis } from 'ioredis';
    import { JsonlSink } from ${JSON.stringify(`${DIST}/sinks/jsonl.js`)};
    import { RedisArchiveLock } from ${JSON.stringify(`${DIST}/store/archive-lock.js`)};
    const redis = new Redis(process.env.REDIS_URL);
    const sink = new JsonlSink({ dir: process.env.DIR, fsync: 'always', lock: new RedisArchiveLock(redis, process.env.LOCK) });
    const outcome = await sink.deliver(JSON.parse(process.env.RECORD));
    process.stdout.write(outcome + '\\n');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    cwd: resolve(import.meta.dirname, '../..'),
    env: { ...process.env, REDIS_URL: redisUrl, LOCK: lockKey, DIR: dir, RECORD: JSON.stringify(record) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const said = await new Promise<string>((done, fail) => {
    child.stdout.on('data', (b: Buffer) => done(b.toString().trim()));
    child.once('exit', (c) => fail(new Error(`the appending process exited (${c}) before appending`)));
  });
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
  return said;
}

describe('the JSON Lines archive with several processes and crashes', () => {
  let redisUrl: string;
  let redis: Redis;
  let dir: string;
  let lockKey: string;
  beforeAll(async () => {
    redisUrl = await redisForTests();
    redis = new Redis(redisUrl);
  });
  afterAll(async () => {
    await redis.quit();
  });
  const setup = async () => {
    dir = await mkdtemp(join(tmpdir(), 'jsonl-crash-'));
    lockKey = `test-${randomUUID()}:lock:jsonl`;
  };
  const cleanup = async () => {
    await redis.del(lockKey);
    await rm(dir, { recursive: true, force: true });
  };

  it('writes a record once when a process is killed after its append and another process retries the delivery', async () => {
    await setup();
    try {
      // This process has read the archive already (it delivered something before).
      const survivor = new JsonlSink({ dir, fsync: 'always', lock: new RedisArchiveLock(redis, lockKey) });
      expect(await survivor.deliver(recordFixture({ suffix: 'Earlier remarks.' }))).toBe('written');

      const record = recordFixture({ suffix: 'Remarks whose delivery job never completed.' });
      expect(await appendThenGetKilled(redisUrl, lockKey, dir, record)).toBe('written');

      // BullMQ hands the stalled delivery job to the survivor, which must find the line.
      expect(await survivor.deliver(record)).toBe('duplicate');
      const lines = await archived(dir);
      expect(lines.filter((l) => l === `${record.id} ${record.version}`)).toHaveLength(1);
      expect(lines).toHaveLength(2);
    } finally {
      await cleanup();
    }
  });

  it('writes each version once when two processes deliver the same records at the same time', async () => {
    await setup();
    try {
      const records = Array.from({ length: 120 }, (_, i) => recordFixture({ suffix: `Remark ${i}.` }));
      const a = new JsonlSink({ dir, fsync: 'never', lock: new RedisArchiveLock(redis, lockKey) });
      const b = new JsonlSink({ dir, fsync: 'never', lock: new RedisArchiveLock(redis, lockKey) });
      const outcomes = await Promise.all([
        ...records.map((r) => a.deliver(r)),
        ...[...records].reverse().map((r) => b.deliver(r)),
      ]);
      expect(outcomes.filter((o) => o === 'written')).toHaveLength(records.length);
      const lines = await archived(dir);
      expect(lines).toHaveLength(records.length);
      expect(new Set(lines).size).toBe(records.length);
    } finally {
      await cleanup();
    }
  });

  it('refuses to write when its lock expired while it was paused (another process holds it now)', async () => {
    await setup();
    try {
      const lock = new RedisArchiveLock(redis, lockKey, { ttlMs: 50 });
      const err = await lock
        .run(async (fence) => {
          await new Promise((r) => setTimeout(r, 120));
          // Another process took the expired lock meanwhile.
          await redis.set(lockKey, 'someone-else', 'PX', 1000);
          await fence();
        })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'ERR_ARCHIVE_LOCK_LOST', retryable: true });
      expect(await redis.get(lockKey)).toBe('someone-else');
    } finally {
      await cleanup();
    }
  });
});
