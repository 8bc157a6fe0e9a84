import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileInput } from '../../src/inputs.js';
import { archiveRecords } from '../helpers/harness.js';
import { eventually, testPipeline } from '../helpers/pipeline.js';
import {
  killRedis,
  redisServerMissing,
  sentinelForTests,
  skipTopology,
  type SentinelForTests,
} from '../helpers/redis-topology.js';
import { writeBriefings } from '../helpers/transcripts.js';

if (skipTopology) console.warn(`Redis Sentinel tests skipped: ${redisServerMissing}`);

const DOCUMENTS = 1000;

describe.skipIf(skipTopology)('Pressline behind Redis Sentinel', { timeout: 300_000 }, () => {
  let sentinel: SentinelForTests;
  beforeAll(async () => {
    sentinel = await sentinelForTests();
  });
  afterAll(async () => {
    await sentinel?.stop();
  });

  it(`survives a failover mid-ingest of ${DOCUMENTS} documents (primary killed, replica promoted): none lost, none doubled`, async () => {
    const p = await testPipeline({
      redisSentinels: sentinel.sentinels,
      redisSentinelName: sentinel.name,
      jsonlFsync: 'never',
    });
    try {
      const paths = await writeBriefings(join(p.config.dataDir, 'in'), DOCUMENTS);
      const inputs = await Promise.all(paths.map((path) => fileInput(path)));
      // Short locks: a job whose completion the old primary took with it is taken up again soon.
      p.app.startWorkers(undefined, { concurrency: 8, lockDurationMs: 5000, stalledIntervalMs: 2000 });
      const before = await sentinel.primary();
      let enqueued = 0;
      const enqueueing = (async () => {
        for (const input of inputs) {
          expect(await p.app.enqueue(input)).not.toBe('unchanged');
          enqueued += 1;
        }
      })();

      await eventually(
        async () => ((await archiveRecords(p.config.dataDir)).length >= 100 ? true : undefined),
        120_000,
        'the first 100 records',
      );
      const archivedAtKill = (await archiveRecords(p.config.dataDir)).length;
      await killRedis(before);
      await enqueueing;
      const after = await eventually(
        async () => {
          const now = await sentinel.primary();
          return now.port !== before.port ? now : undefined;
        },
        30_000,
        'the Sentinels to promote the replica',
      );
      expect(after.port).not.toBe(before.port);

      const records = await eventually(
        async () => {
          const r = await archiveRecords(p.config.dataDir);
          return new Set(r.map((x) => x.id)).size >= DOCUMENTS ? r : undefined;
        },
        240_000,
        `${DOCUMENTS} records`,
      );
      // Let retries that were still in flight land before counting.
      await new Promise((r) => setTimeout(r, 3000));
      const final = await archiveRecords(p.config.dataDir);
      const byKey = new Map<string, number>();
      for (const r of final) byKey.set(`${r.id} ${r.version}`, (byKey.get(`${r.id} ${r.version}`) ?? 0) + 1);
      const expected = new Set(inputs.map((i) => i.job.docId));
      const lost = [...expected].filter((id) => !final.some((r) => r.id === id));
      const doubled = [...byKey].filter(([, n]) => n > 1);
      console.info(
        `Sentinel failover: ${enqueued} enqueued, ${archivedAtKill} archived at the kill, primary ${before.port} → ${after.port}, ${final.length} lines, ${lost.length} lost, ${doubled.length} doubled`,
      );
      expect(records.length).toBeGreaterThanOrEqual(DOCUMENTS);
      expect(archivedAtKill).toBeLessThan(DOCUMENTS);
      expect(lost).toEqual([]);
      expect(doubled).toEqual([]);
      expect(final).toHaveLength(DOCUMENTS);
    } finally {
      await p.cleanup();
    }
  });
});
