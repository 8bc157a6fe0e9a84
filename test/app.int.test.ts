import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { localStageContext } from '../src/app.js';
import { fileInput, urlInput } from '../src/inputs.js';
import { enqueueFetch } from '../src/queues/producer.js';
import { runLocal } from '../src/run-local.js';
import type { PressRecord } from '../src/schemas/record.js';
import { eventually, testPipeline, type TestPipeline } from './helpers/pipeline.js';

const fixture = fileURLToPath(new URL('./fixtures/transcripts/council-doorstep.txt', import.meta.url));

/** The record without what differs between two runs of the same input: times and trace. */
const stable = (r: PressRecord) => ({
  ...r,
  source: { ...r.source, fetchedAt: '' },
  pipeline: { ...r.pipeline, traceId: '', stages: {} },
});

async function archived(p: TestPipeline): Promise<PressRecord[]> {
  const dir = join(p.config.dataDir, 'archive');
  const files = await readdir(dir).catch(() => []);
  const lines = (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8'))))
    .join('')
    .split('\n')
    .filter(Boolean);
  return lines.map((l) => JSON.parse(l) as PressRecord);
}

function serve(
  handler: (hits: number) => { status: number; body: string; delayMs?: number },
): Promise<{ server: Server; url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((req, res) => {
    if (req.url === '/robots.txt') {
      res.writeHead(404).end();
      return;
    }
    const { status, body, delayMs = 0 } = handler(++hits);
    setTimeout(() => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(body);
    }, delayMs);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/remarks-1`,
        hits: () => hits,
      }),
    ),
  );
}

describe('the queued pipeline', () => {
  let p: TestPipeline | undefined;
  let server: Server | undefined;
  afterEach(async () => {
    await p?.cleanup();
    server?.close();
    p = undefined;
    server = undefined;
  });

  it('turns one transcript into exactly one archived record, equal to what `process` prints', async () => {
    p = await testPipeline();
    p.app.startWorkers();
    const input = await fileInput(fixture);
    expect(await enqueueFetch(p.app.queues, p.app.status, input)).toBe('queued');
    await eventually(
      async () => ((await p!.app.status.get(input.job.docId))?.state === 'published' ? true : undefined),
      20_000,
      'published',
    );

    const records = await archived(p);
    expect(records).toHaveLength(1);
    const local = await runLocal((await fileInput(fixture)).job, localStageContext(p.config)(p.runtime.log));
    expect(stable(records[0]!)).toEqual(stable(local!));
    expect(Object.keys(records[0]!.pipeline.stages)).toEqual(['fetch', 'clean', 'segment', 'figures']);

    // The same bytes again: nothing new is queued, and the archive still holds one record.
    expect(await enqueueFetch(p.app.queues, p.app.status, await fileInput(fixture))).toBe('unchanged');
    expect(await archived(p)).toHaveLength(1);
  });

  it('moves a job with invalid data to failed without retry, naming each bad path', async () => {
    p = await testPipeline({ attempts: 5 });
    p.app.startWorkers(['clean']);
    const job = await p.app.queues
      .get('clean')
      .add('clean', { docId: 'file:broken', traceId: 't1', source: { site: 'nowhere' } });
    const failed = await eventually(
      async () => ((await job.getState()) === 'failed' ? job : undefined),
      10_000,
      'failed',
    );
    const fresh = (await p.app.queues.get('clean').getJob(failed.id!))!;
    expect(fresh.attemptsMade).toBe(1);
    expect(fresh.failedReason).toContain('ERR_VALIDATION');
    expect(fresh.failedReason).toMatch(/- body: /);
    expect(fresh.failedReason).toMatch(/- source\.site: /);
    const status = await p.app.status.get('file:broken');
    expect(status?.state).toBe('failed');
    expect(status?.stages.clean?.code).toBe('ERR_VALIDATION');
  });

  it('retries a transient failure and then succeeds', async () => {
    const site = await serve((hit) =>
      hit < 3 ? { status: 503, body: 'busy' } : { status: 200, body: 'Remarks\n\nWe agreed on €40 million.' },
    );
    server = site.server;
    // No retries inside the fetch job: this test is about the queue's own retry with backoff.
    p = await testPipeline({ attempts: 5, backoffMs: 20, fetchRetries: 0 });
    p.app.startWorkers();
    const input = urlInput(site.url);
    await enqueueFetch(p.app.queues, p.app.status, input);
    const status = await eventually(
      async () => {
        const s = await p!.app.status.get(input.job.docId);
        return s?.state === 'published' || s?.state === 'failed' ? s : undefined;
      },
      20_000,
      'a final state',
    );
    expect(status.state).toBe('published');
    expect(status.stages.fetch?.attempts).toBe(3);
    expect(site.hits()).toBe(3);
    expect(await archived(p)).toHaveLength(1);
  });

  it('ends an unchanged page published again, with no second record', async () => {
    const site = await serve(() => ({ status: 200, body: 'Remarks\n\nNothing has changed.' }));
    server = site.server;
    p = await testPipeline();
    p.app.startWorkers();
    const published = async () => {
      const s = await p!.app.status.get(urlInput(site.url).job.docId);
      return s?.state === 'published' ? s : undefined;
    };
    await enqueueFetch(p.app.queues, p.app.status, urlInput(site.url), { force: true });
    await eventually(published, 20_000, 'first publish');
    expect(await enqueueFetch(p.app.queues, p.app.status, urlInput(site.url), { force: true })).toBe(
      'queued',
    );
    const again = await eventually(published, 20_000, 'the second fetch to end');
    expect(again.stages.fetch?.state).toBe('completed');
    expect(again.stages.clean).toBeUndefined();
    expect(site.hits()).toBe(2);
    expect(await archived(p)).toHaveLength(1);
  });

  // BullMQ fails a job that stalls more than maxStalledCount times (its default: 1); MAX_STALLED_COUNT is 5
  it.each([1, 2])('loses nothing when the workers running a job die mid-job (%i times)', async (deaths) => {
    let release = false;
    const site = await serve(() =>
      release
        ? { status: 200, body: 'Remarks\n\nAll is well.' }
        : { status: 200, body: 'Remarks\n\nAll is well.', delayMs: 3000 },
    );
    server = site.server;
    p = await testPipeline();
    const opts = { lockDurationMs: 1000, stalledIntervalMs: 500 };
    const input = urlInput(site.url);
    await enqueueFetch(p.app.queues, p.app.status, input);
    for (let hit = 1; hit <= deaths; hit++) {
      const [fetchWorker] = p.app.startWorkers(['fetch'], opts);
      await eventually(async () => (site.hits() >= hit ? true : undefined), 10_000, `request ${hit}`);
      await fetchWorker!.close(true); // the process dies mid-job: no graceful finish
    }
    release = true;
    p.app.startWorkers(['fetch', 'clean', 'segment', 'figures', 'publish', 'deliver'], opts);
    const status = await eventually(
      async () => {
        const s = await p!.app.status.get(input.job.docId);
        return s?.state === 'published' ? s : undefined;
      },
      20_000,
      'published after the stalls',
    );
    expect(status.state).toBe('published');
    expect(site.hits()).toBe(deaths + 1); // each stalled take was fetched anew
    expect(await archived(p)).toHaveLength(1);
  });
});
