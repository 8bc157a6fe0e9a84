import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app.js';
import { fileInput } from '../../src/inputs.js';
import { createLogger } from '../../src/logger.js';
import { enqueueFetch } from '../../src/queues/producer.js';
import { testPipeline, type TestPipeline } from '../helpers/pipeline.js';
import { fixture, until } from '../helpers/dashboard.js';

describe('job logs', { timeout: 60_000 }, () => {
  let p: TestPipeline | undefined;
  let app: App | undefined;
  afterEach(async () => {
    await app?.close();
    await p?.cleanup();
    p = app = undefined;
  });

  it('carry the docId, traceId and stage on every line a job writes', async () => {
    p = await testPipeline();
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const l of chunk.toString().split('\n').filter(Boolean))
          lines.push(JSON.parse(l) as Record<string, unknown>);
        done();
      },
    });
    const log = createLogger('debug', sink);
    app = await App.connect(p.config, log);
    app.startWorkers();
    const input = await fileInput(fixture('ecb-hearing.txt'));
    await enqueueFetch(app.queues, app.status, input);
    await until(p, input.job.docId, 'published');

    const jobLines = lines.filter((l) => 'jobId' in l);
    const stages = new Set(jobLines.map((l) => l.stage));
    expect([...stages].sort()).toEqual(['clean', 'deliver-jsonl', 'fetch', 'figures', 'publish', 'segment']);
    for (const l of jobLines) {
      expect(l, JSON.stringify(l)).toMatchObject({
        docId: input.job.docId,
        traceId: input.job.traceId,
        stage: expect.any(String),
      });
    }
  });
});
