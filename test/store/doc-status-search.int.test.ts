import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { redisForTests } from '../helpers/services.js';
import { testPipeline, type TestPipeline } from '../helpers/pipeline.js';

describe('searching documents', { timeout: 60_000 }, () => {
  let p: TestPipeline | undefined;
  afterEach(async () => {
    await p?.cleanup();
    p = undefined;
  });

  it('reads the index in short steps, never one Redis script over every document', async () => {
    p = await testPipeline();
    const n = 1200;
    for (let i = 0; i < n; i += 100)
      await Promise.all(
        Array.from({ length: 100 }, (_, k) =>
          p!.app.status.queued(`file:doc-${i + k}`, {
            traceId: 't',
            label: i + k === 0 ? '/inbox/the-oldest-briefing.txt' : `/inbox/doc-${i + k}.txt`,
          }),
        ),
      );
    const monitor = await new Redis(await redisForTests()).monitor();
    const seen: string[][] = [];
    monitor.on('monitor', (_time: string, args: string[]) => {
      if (args.some((a) => a.includes(p!.config.queuePrefix))) seen.push(args);
    });
    try {
      const hits = await p.app.status.search('THE-OLDEST', 10);
      expect(hits.map((h) => h.docId)).toEqual(['file:doc-0']);
      expect((await p.app.status.search('doc-11', 5)).map((h) => h.docId)).toHaveLength(5);
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      monitor.disconnect();
    }
    const commands = seen.map((a) => a[0]!.toLowerCase());
    expect(commands.filter((c) => c === 'eval' || c === 'evalsha')).toEqual([]);
    const ranges = seen.filter((a) => a[0]!.toLowerCase() === 'zrevrange');
    expect(ranges.length).toBeGreaterThan(1);
    for (const r of ranges) expect(Number(r[3]) - Number(r[2]) + 1).toBeLessThanOrEqual(250);
  });
});
