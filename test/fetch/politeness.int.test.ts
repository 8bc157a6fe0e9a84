import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIdFor } from '../../src/ids.js';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server.js';
import { redisForTests } from '../helpers/services.js';
import { CLI } from '../helpers/harness.js';

const ITEMS = 500;
const INTERVAL_MS = 50;

let site: FixtureSite;
let redis: Redis;
let queue: Queue;
const prefix = `test-${randomUUID()}`;
const dataDir = mkdtempSync(join(tmpdir(), 'pressline-polite-'));
const children: ChildProcess[] = [];
const output: string[] = [];

beforeAll(async () => {
  site = await startFixtureSite();
  redis = new Redis(await redisForTests(), { maxRetriesPerRequest: null });
  queue = new Queue('fetch', { connection: redis, prefix: `{${prefix}}` });
}, 240_000);

afterAll(async () => {
  for (const c of children) if (c.pid && c.exitCode === null) process.kill(c.pid, 'SIGTERM');
  await Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)),
  );
  for (const name of ['fetch', 'clean'])
    await new Queue(name, { connection: redis, prefix: `{${prefix}}` }).obliterate({ force: true });
  const keys = await redis.keys(`{${prefix}}:pl:*`);
  if (keys.length) await redis.del(...keys);
  await queue.close();
  redis.disconnect();
  await site.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('politeness under load', () => {
  it(`keeps ${INTERVAL_MS} ms between requests to one host from 8 workers in 2 processes, as the server logs them`, async () => {
    expect(existsSync(CLI)).toBe(true);
    const env = {
      ...process.env,
      REDIS_URL: await redisForTests(),
      QUEUE_PREFIX: prefix,
      DATA_DIR: dataDir,
      FETCH_MIN_INTERVAL_MS: String(INTERVAL_MS),
      FETCH_HOST_CONCURRENCY: '8',
      FETCH_ALLOW_PRIVATE: 'true',
      LOG_LEVEL: 'info',
    };
    for (let i = 0; i < 2; i++) {
      const child = spawn(process.execPath, [CLI, 'workers', '--stages', 'fetch', '--concurrency', '4'], {
        cwd: dataDir,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
      children.push(child);
    }
    await queue.addBulk(
      Array.from({ length: ITEMS }, (_, i) => {
        const url = `${site.url}/load/item-${i}`;
        const docId = `generic:load-${i}`;
        return {
          name: 'fetch',
          data: {
            docId,
            traceId: randomUUID(),
            stages: {},
            target: { kind: 'url', url },
          },
          opts: {
            jobId: jobIdFor('fetch', docId, url),
            attempts: 3,
            backoff: { type: 'exponential', delay: 200 },
          },
        };
      }),
    );
    let counts: Record<string, number> = {};
    for (let i = 0; i < 1800; i++) {
      counts = await queue.getJobCounts('completed', 'failed');
      if ((counts.completed ?? 0) + (counts.failed ?? 0) >= ITEMS) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(counts).toEqual({ completed: ITEMS, failed: 0 });

    const hits = site.log.filter((l) => l.host === `127.0.0.1:${site.port}`).sort((a, b) => a.at - b.at);
    expect(hits.filter((l) => l.path.startsWith('/load/'))).toHaveLength(ITEMS);
    let closest = Number.POSITIVE_INFINITY;
    for (let i = 1; i < hits.length; i++)
      closest = Math.min(closest, (hits[i]?.at ?? 0) - (hits[i - 1]?.at ?? 0));
    expect(closest).toBeGreaterThanOrEqual(INTERVAL_MS);
    // Both processes did part of the work.
    const pids = new Set(
      output
        .join('')
        .split('\n')
        .filter((l) => l.includes('"stage completed"'))
        .map((l) => (JSON.parse(l) as { pid: number }).pid),
    );
    expect(pids.size).toBe(2);
  }, 180_000);
});
