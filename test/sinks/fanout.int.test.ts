import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/index.js';
import { prepareSinks } from '../../src/sinks/index.js';
import { sinkHealth } from '../../src/queues/delivery-health.js';
import type { PressRecord } from '../../src/schemas/record.js';
import { eventually, testPipeline, type TestPipeline } from '../helpers/pipeline.js';
import { postgresForTests } from '../helpers/services.js';
import { recordFixture } from '../helpers/record.js';
import {
  newSecret,
  postgresTarget,
  tcpProxy,
  testSchema,
  webhookReceiver,
  withSearchPath,
} from '../helpers/sinks.js';

async function jsonlLines(p: TestPipeline): Promise<PressRecord[]> {
  const dir = join(p.config.dataDir, 'archive');
  const files = await readdir(dir).catch(() => [] as string[]);
  const text = (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join('');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as PressRecord);
}

/** Every deliver and publish queue has nothing waiting, running or due for a retry. */
async function quiet(p: TestPipeline): Promise<true | undefined> {
  for (const q of p.app.queues.all().filter((q) => q.name === 'publish' || q.name.startsWith('deliver-'))) {
    const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (Object.values(c).some((n) => n > 0)) return undefined;
  }
  return true;
}

describe('fan-out to every sink', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  it('keeps feeding JSON Lines while PostgreSQL is down and the webhook answers 503, then catches up with nothing lost or doubled', async () => {
    const db = await testSchema();
    cleanups.push(() => db.drop());
    const proxy = await tcpProxy(await postgresTarget());
    cleanups.push(() => proxy.close());
    const receiver = await webhookReceiver(() => 503);
    cleanups.push(() => receiver.close());
    const secret = newSecret();

    const p = await testPipeline({
      databaseUrl: withSearchPath(await postgresForTests(), db.schema, `127.0.0.1:${proxy.port}`),
      webhookUrl: receiver.url,
      webhookSecret: secret,
      backoffMs: 20,
      deliverMaxBackoffMs: 200,
      deliverAttempts: 10_000,
      keepCompleted: 0,
    });
    cleanups.push(() => p.cleanup());
    expect(p.app.sinks.map((s) => s.name)).toEqual(['jsonl', 'pg', 'webhook']);
    await prepareSinks(p.config, p.runtime.log);

    // PostgreSQL goes away, the receiver answers 503; records are published.
    await proxy.cut();
    p.app.startWorkers(['publish', 'deliver']);
    const publish = (record: PressRecord) => p.app.queues.get('publish').add('publish', { record });
    const records = Array.from({ length: 6 }, (_, i) =>
      recordFixture({ id: `ec-presscorner:statement_25_${700 + i}` }),
    );
    const v2 = recordFixture({
      id: records[1]!.id,
      fetchedAt: '2025-03-13T09:00:00.000Z',
      suffix: 'Thank you.',
    });
    for (const r of records) await publish(r);
    await publish(records[0]!); // the same version published twice
    await publish(v2); // a new version of one record

    // JSON Lines is neither blocked nor delayed by the two archives that are down.
    const archived = await eventually(
      async () => ((await jsonlLines(p)).length >= 7 ? jsonlLines(p) : undefined),
      20_000,
      'JSON Lines',
    );
    expect(archived).toHaveLength(7);
    const health = await eventually(
      async () => {
        const h = await sinkHealth(p.app.queues.all());
        return h.every((s) => s.sink === 'jsonl' || (s.retrying > 0 && s.lastError)) ? h : undefined;
      },
      20_000,
      'failures to show',
    );
    expect(health.find((h) => h.sink === 'pg')!.lastError).toMatch(/PostgreSQL did not complete/);
    expect(health.find((h) => h.sink === 'webhook')!.lastError).toMatch(/answered 503/);
    expect(health.find((h) => h.sink === 'jsonl')).toMatchObject({ retrying: 0, failed: 0, lastError: null });
    await eventually(async () => (receiver.received.length >= 14 ? true : undefined), 20_000, 'retries');
    expect(receiver.accepted).toHaveLength(0);

    // Both come back: every delivery resumes.
    await proxy.restore();
    receiver.setAnswer(() => 204);
    await eventually(
      async () => ((await quiet(p)) && receiver.accepted.length >= 7 ? true : undefined),
      30_000,
      'catch-up',
    );
    // Published again once delivered: still one row and one delivery per version.
    await publish(records[0]!);
    await publish(v2);
    await eventually(async () => quiet(p), 20_000, 'second publish');

    const count = async (sql: string) => Number((await db.pool.query(sql)).rows[0].n);
    expect(await count('SELECT count(*) AS n FROM records')).toBe(7);
    expect(await count('SELECT count(*) AS n FROM record_latest')).toBe(6);
    expect(
      (await db.pool.query('SELECT version FROM record_latest WHERE id = $1', [v2.id])).rows[0].version,
    ).toBe(v2.version);
    // 7 versions published, and the second version of one record also sent as what changed.
    expect(receiver.accepted).toHaveLength(8);
    const events = receiver.accepted.map((r) =>
      verifyWebhook<{ type: string; id: string; data: PressRecord }>(r.body, r.headers, secret),
    );
    const published = events.filter((e) => e.type === 'eu.pressline.record.published');
    expect(new Set(published.map((e) => `${e.data.id} ${e.data.version}`)).size).toBe(7);
    expect(events.filter((e) => e.type === 'eu.pressline.record.changed').map((e) => e.data.id)).toEqual([
      v2.id,
    ]);
    expect(await jsonlLines(p)).toHaveLength(7);
    for (const r of records)
      expect((await p.app.status.get(r.id))?.stages['deliver-pg']?.state).toBe('completed');
    expect((await sinkHealth(p.app.queues.all())).every((h) => h.failed === 0 && h.retrying === 0)).toBe(
      true,
    );
  });
});
