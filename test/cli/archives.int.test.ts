import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PressRecord } from '../../src/schemas/record.js';
import { PostgresSink } from '../../src/sinks/postgres.js';
import { redisForTests } from '../helpers/services.js';
import { recordFixture } from '../helpers/record.js';
import { testSchema } from '../helpers/sinks.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
type Failure = { code: number; stderr: string };

describe('the migrate, export and status commands', { timeout: 90_000 }, () => {
  let db: Awaited<ReturnType<typeof testSchema>>;
  const cli = (args: string[], env: Record<string, string | undefined> = {}) =>
    run(process.execPath, ['dist/cli.js', ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: db.url, WEBHOOK_URL: '', ...env },
    });

  beforeEach(async () => {
    db = await testSchema();
  });
  afterEach(async () => {
    await db.drop();
  });

  it('migrates the database at DATABASE_URL, and says so when there is nothing to do', async () => {
    expect((await cli(['migrate'])).stdout).toMatch(/^applied 1: records, segments, figures/);
    expect((await cli(['migrate'])).stdout).toBe('the schema is up to date\n');
    const err = (await cli(['migrate'], { DATABASE_URL: '' }).catch((e: Failure) => e)) as Failure;
    expect(err.code).toBe(1);
    expect(err.stderr).toMatch(/\[ERR_CONFIG\]: DATABASE_URL is not set/);
  });

  it('exports every stored version as JSON Lines or CSV, and names a bad option', async () => {
    await cli(['migrate']);
    const sink = new PostgresSink({ connectionString: db.url });
    const records = [
      recordFixture({ id: 'eeas:a' }),
      recordFixture({ id: 'eeas:b' }),
      recordFixture({ id: 'eeas:a', fetchedAt: '2025-03-13T08:00:00.000Z', suffix: 'Thanks.' }),
    ];
    for (const r of records) await sink.deliver(r);
    await sink.close();

    const jsonl = await cli(['export', '--since', '2020-01-01']);
    const lines = jsonl.stdout.trim().split('\n');
    expect(lines.map((l) => PressRecord.parse(JSON.parse(l)).version)).toEqual(records.map((r) => r.version));
    expect(jsonl.stderr).toContain('exported 3 record version(s)');

    const csv = (await cli(['export', '--since', '2020-01-01', '--format', 'csv', '--latest'])).stdout
      .trim()
      .split('\n');
    expect(csv[0]).toBe(
      'id,version,latest,site,url,date,title,speakers,place,event,language,fetched_at,published_at,segments,figures',
    );
    expect(csv.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      `eeas:b,${records[1]!.version},true`,
      `eeas:a,${records[2]!.version},true`,
    ]);

    expect((await cli(['export', '--since', '2099-01-01'])).stdout).toBe('');
    const err = (await cli(['export', '--since', '2020-01-01', '--format', 'xml']).catch(
      (e: Failure) => e,
    )) as Failure;
    expect(err.stderr).toMatch(/--format "xml": expected jsonl or csv/);
  });

  it('ends `pressline status` with a line per sink', async () => {
    const prefix = `test-${randomUUID()}`;
    const redisUrl = await redisForTests();
    try {
      const { stdout } = await cli(['status'], { REDIS_URL: redisUrl, QUEUE_PREFIX: prefix });
      expect(stdout).toMatch(/^sinks$/m);
      expect(stdout).toMatch(/^ {2}jsonl: 0 retrying, 0 failed; no errors$/m);
      expect(stdout).toMatch(/^ {2}pg: 0 retrying, 0 failed; no errors$/m);
    } finally {
      const redis = new Redis(redisUrl);
      const keys = await redis.keys(`{${prefix}}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    }
  });
});
