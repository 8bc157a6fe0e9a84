import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSince } from '../../src/cli/export.js';
import { loadConfig } from '../../src/config.js';
import { ConfigError, PermanentError, TransientError } from '../../src/errors.js';
import { eventIdFor, RECORD_PUBLISHED, toCloudEvent } from '../../src/sinks/cloudevents.js';
import { sinkNames, webhookSecrets } from '../../src/sinks/index.js';
import { JsonlSink } from '../../src/sinks/jsonl.js';
import { CSV_COLUMNS, csvLine } from '../../src/sinks/pg-export.js';
import { GroupCommit } from '../../src/sinks/group-commit.js';
import { pgError } from '../../src/sinks/postgres.js';
import {
  cappedBackoff,
  deliverBackoffStrategy,
  deliverJobOptions,
  DELIVER_BACKOFF,
  retryWindowMs,
} from '../../src/queues/retry-policy.js';
import { retryAfterMs } from '../../src/sinks/webhook.js';
import { recordFixture } from '../helpers/record.js';
import { newSecret } from '../helpers/sinks.js';

describe('sink selection', () => {
  it('turns on JSON Lines always, PostgreSQL with DATABASE_URL and webhooks with WEBHOOK_URL', () => {
    expect(sinkNames(loadConfig({}, {}))).toEqual(['jsonl']);
    expect(sinkNames(loadConfig({}, { DATABASE_URL: 'postgres://x/y' }))).toEqual(['jsonl', 'pg']);
    expect(sinkNames(loadConfig({}, { DATABASE_URL: 'postgres://x/y', WEBHOOK_URL: 'http://h/' }))).toEqual([
      'jsonl',
      'pg',
      'webhook',
    ]);
  });

  it('refuses a webhook without a secret, saying how to make one', () => {
    expect(() => webhookSecrets({ webhookSecret: undefined })).toThrow(ConfigError);
    expect(() => webhookSecrets({ webhookSecret: undefined })).toThrow(/randomBytes/);
  });

  it('reads several secrets from WEBHOOK_SECRET for a rotation', () => {
    const [a, b] = [newSecret(), newSecret()];
    expect(webhookSecrets({ webhookSecret: `${a} ${b}` })).toEqual([a, b]);
  });
});

describe('the CloudEvent of a record', () => {
  it('has the CloudEvents 1.0 attributes and the record as data', () => {
    const record = recordFixture();
    const event = toCloudEvent(record);
    expect(event).toMatchObject({
      specversion: '1.0',
      type: RECORD_PUBLISHED,
      source: 'urn:pressline:ec-presscorner',
      subject: record.id,
      datacontenttype: 'application/json',
      recordversion: record.version,
    });
    expect(event.data).toBe(record);
    expect(Number.isNaN(Date.parse(event.time))).toBe(false);
  });

  it('keeps one id for one record version, and a new one for a new version or another record', () => {
    const a = recordFixture();
    const again = recordFixture();
    expect(eventIdFor(a)).toBe(eventIdFor(again));
    expect(JSON.stringify(toCloudEvent({ ...again, pipeline: a.pipeline }))).toBe(
      JSON.stringify(toCloudEvent(a)),
    );
    expect(eventIdFor(recordFixture({ suffix: 'Thank you.' }))).not.toBe(eventIdFor(a));
    expect(eventIdFor(recordFixture({ id: 'eeas:other_en' }))).not.toBe(eventIdFor(a));
  });
});

describe('the delivery retry policy', () => {
  const config = loadConfig({}, {});

  it('doubles the delay from JOB_BACKOFF_MS and caps it at DELIVER_MAX_BACKOFF_MS', () => {
    const noJitter = () => 1;
    expect([1, 2, 3, 4].map((n) => cappedBackoff(n, 1000, 60_000, undefined, noJitter))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
    expect(cappedBackoff(20, 1000, 60_000, undefined, noJitter)).toBe(60_000);
    expect(cappedBackoff(2, 1000, 60_000, undefined, () => 0)).toBe(1600);
  });

  it('waits at least as long as the archive asked with Retry-After', () => {
    const err = new TransientError('ERR_WEBHOOK_UNAVAILABLE', '503', { details: { retryAfterMs: 120_000 } });
    expect(cappedBackoff(1, 1000, 60_000, err)).toBe(120_000);
  });

  it('keeps a delivery trying for hours with the default settings', () => {
    expect(retryWindowMs(config)).toBeGreaterThan(5 * 3600_000);
    expect(deliverJobOptions(config)).toMatchObject({
      attempts: 30,
      backoff: { type: DELIVER_BACKOFF, delay: 2000 },
    });
  });

  it('is the custom strategy BullMQ calls for deliver jobs, reading the delay from the job', () => {
    const strategy = deliverBackoffStrategy({ backoffMs: 2000, deliverMaxBackoffMs: 10_000 });
    const job = { opts: { backoff: { type: DELIVER_BACKOFF, delay: 100 } } } as never;
    expect(strategy(1, DELIVER_BACKOFF, undefined, job)).toBeLessThanOrEqual(100);
    expect(strategy(30, DELIVER_BACKOFF, undefined, job)).toBeLessThanOrEqual(10_000);
    expect(strategy(30, DELIVER_BACKOFF, undefined, job)).toBeGreaterThanOrEqual(8_000);
    expect(() => strategy(1, 'linear', undefined, job)).toThrow(/unknown backoff type/);
  });

  it('reads Retry-After in seconds or as an HTTP date', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs(new Date(Date.UTC(2026, 0, 1, 0, 1)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(
      60_000,
    );
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});

describe('PostgreSQL errors', () => {
  it('retries a server that is down, restarting or that broke a deadlock', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', '57P01', '08006', '40P01', '53300']) {
      expect(pgError(Object.assign(new Error('x'), { code }), 'storing').retryable, code).toBe(true);
    }
    expect(pgError(new Error('Connection terminated unexpectedly'), 'storing')).toBeInstanceOf(
      TransientError,
    );
  });

  it('does not retry a statement the server refuses, and says to migrate when tables are missing', () => {
    const bad = pgError(Object.assign(new Error('invalid input syntax'), { code: '22P02' }), 'storing');
    expect(bad).toBeInstanceOf(PermanentError);
    expect(bad.code).toBe('ERR_PG_REJECTED');
    expect(
      pgError(Object.assign(new Error('relation "records" does not exist'), { code: '42P01' }), 'storing')
        .message,
    ).toMatch(/pressline migrate/);
  });
});

describe('export helpers', () => {
  it('writes CSV with quotes where a value holds a comma, a quote or a newline', () => {
    const r = recordFixture();
    const line = csvLine({
      record: { ...r, meta: { ...r.meta, title: 'Energy, "security" and\ngrowth' } },
      publishedAt: '2025-03-12T15:00:00.000Z',
      latest: true,
    });
    expect(line).toContain('"Energy, ""security"" and\ngrowth"');
    expect(line.startsWith(`${r.id},${r.version},true,ec-presscorner,`)).toBe(true);
    expect(CSV_COLUMNS).toContain('published_at');
  });

  it('reads --since as a day or an ISO date-time, and names a bad value', () => {
    expect(parseSince('2025-01-31').toISOString()).toBe('2025-01-31T00:00:00.000Z');
    expect(parseSince('2025-01-31T12:30:00Z').toISOString()).toBe('2025-01-31T12:30:00.000Z');
    expect(() => parseSince('last week')).toThrow(/--since "last week"/);
    expect(() => parseSince('2025-13-45')).toThrow(ConfigError);
  });
});

describe('the JSON Lines batch path', () => {
  it('appends a batch with one write, skipping versions already archived or repeated in the batch', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pressline-jsonl-'));
    try {
      const sink = new JsonlSink({ dir, fsync: 'always', now: () => new Date('2025-03-12T15:00:00Z') });
      const a = recordFixture();
      const b = recordFixture({ suffix: 'Thank you.' });
      expect(await sink.deliver(a)).toBe('written');
      expect(await sink.deliverMany([a, b, b])).toEqual(['duplicate', 'written', 'duplicate']);
      const lines = (await readFile(join(dir, '2025-03-12.jsonl'), 'utf8')).split('\n').filter(Boolean);
      expect(lines.map((l) => (JSON.parse(l) as { version: string }).version)).toEqual([
        a.version,
        b.version,
      ]);
      expect(await readdir(dir)).toEqual(['2025-03-12.jsonl']);
      await sink.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('group commit', () => {
  it('writes items that arrive while a write runs together in the next write, each getting its own outcome', async () => {
    const writes: number[][] = [];
    let release: () => void = () => {};
    const group = new GroupCommit<number, string>(async (items) => {
      writes.push(items);
      if (writes.length === 1) await new Promise<void>((r) => (release = r));
      return items.map((i) => `ok ${i}`);
    });
    const first = group.push(1);
    await new Promise((r) => setTimeout(r, 0));
    const rest = [2, 3, 4].map((i) => group.push(i));
    release();
    expect(await Promise.all([first, ...rest])).toEqual(['ok 1', 'ok 2', 'ok 3', 'ok 4']);
    expect(writes).toEqual([[1], [2, 3, 4]]);
    await group.drain();
  });

  it('retries a refused batch item by item when asked, so only the bad item fails', async () => {
    const group = new GroupCommit<number, string>(
      async (items) => {
        if (items.includes(13)) throw new PermanentError('ERR_BAD', 'thirteen');
        return items.map(String);
      },
      { isolate: (err) => err instanceof PermanentError },
    );
    const results = await Promise.allSettled([12, 13, 14].map((i) => group.push(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('fails the whole batch on an error it is not asked to isolate', async () => {
    const group = new GroupCommit<number, string>(async () => {
      throw new TransientError('ERR_DOWN', 'down');
    });
    const results = await Promise.allSettled([1, 2].map((i) => group.push(i)));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
  });
});
