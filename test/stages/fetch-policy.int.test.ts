import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { httpOptions } from '../../src/fetch/index.js';
import { jobIdFor } from '../../src/ids.js';
import type { FetchJob } from '../../src/schemas/jobs.js';
import { fetchDocument, type FetchDeps } from '../../src/stages/fetch.js';
import { MemoryFetchIndex } from '../../src/store/fetch-index.js';
import { FileRawStore } from '../../src/store/raw-store.js';
import { flakySite, until, type FlakySite } from '../helpers/dashboard.js';
import { testClient } from '../helpers/http-client.js';
import { testPipeline, type TestPipeline } from '../helpers/pipeline.js';

const TEXT = 'Remarks\nBrussels, 01/02/2026\nGood morning. The internal page.\n';

describe('who may reach a private address', { timeout: 60_000 }, () => {
  let site: FlakySite | undefined;
  let dir: string | undefined;
  let p: TestPipeline | undefined;
  afterEach(async () => {
    await site?.close();
    await p?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
    site = dir = p = undefined;
  });

  const job = (url: string, extra: Record<string, unknown> = {}): FetchJob => ({
    docId: `generic:${randomUUID()}`,
    traceId: randomUUID(),
    stages: {},
    target: { kind: 'url', url, ...extra } as FetchJob['target'],
  });

  it('the source named in the job, as configured, decides; allowPrivate in the job data is ignored', async () => {
    site = await flakySite(TEXT);
    site.fix();
    dir = await mkdtemp(join(tmpdir(), 'pressline-policy-'));
    const deps: FetchDeps = {
      client: testClient(),
      raw: new FileRawStore(dir),
      index: new MemoryFetchIndex(),
      now: () => new Date(),
      sourceAllowsPrivate: async (name) => name === 'intranet',
    };
    const url = site.url('/internal');
    await expect(fetchDocument(job(url, { allowPrivate: true }), deps)).rejects.toMatchObject({
      code: 'ERR_FETCH_PRIVATE_ADDRESS',
    });
    await expect(
      fetchDocument(job(url, { allowPrivate: true, source: 'public-feed' }), deps),
    ).rejects.toMatchObject({ code: 'ERR_FETCH_PRIVATE_ADDRESS' });
    const out = await fetchDocument(job(url, { source: 'intranet' }), deps);
    expect(out?.body).toContain('The internal page.');
  });

  it('a fetch job added straight to the queue with allowPrivate: true fails and archives nothing', async () => {
    site = await flakySite(TEXT);
    site.fix();
    p = await testPipeline({ fetchAllowPrivate: false });
    p.app.startWorkers();
    const j = job(site.url('/internal'), { allowPrivate: true });
    await p.app.status.queued(j.docId, { traceId: j.traceId, label: 'added by hand' });
    await p.app.queues.get('fetch').add('fetch', j, { jobId: jobIdFor('fetch', j.docId) });
    await until(p, j.docId, 'failed');
    expect((await p.app.status.get(j.docId))?.stages.fetch).toMatchObject({
      code: 'ERR_FETCH_PRIVATE_ADDRESS',
    });
  });

  it('fails for good, before decoding, a job carrying an inline body over INPUT_MAX_BYTES', async () => {
    dir = await mkdtemp(join(tmpdir(), 'pressline-policy-'));
    const deps: FetchDeps = {
      client: testClient({ maxBytes: 1024 }),
      raw: new FileRawStore(dir),
      index: new MemoryFetchIndex(),
      now: () => new Date(),
    };
    const inline = (size: number): FetchJob => ({
      docId: 'file:big',
      traceId: randomUUID(),
      stages: {},
      target: {
        kind: 'inline',
        path: '/in/big.txt',
        url: null,
        contentType: 'text/plain',
        bodyBase64: Buffer.alloc(size, 'a').toString('base64'),
      },
    });
    await expect(fetchDocument(inline(4096), deps)).rejects.toMatchObject({
      code: 'ERR_INPUT_TOO_LARGE',
      retryable: false,
    });
    expect(await fetchDocument(inline(512), deps)).not.toBeNull();
  });

  it('caps fetched bodies at INPUT_MAX_BYTES when it is below FETCH_MAX_BYTES', () => {
    const config = loadConfig({ inputMaxBytes: 1024, fetchMaxBytes: 1 << 20 }, {});
    expect(httpOptions(config).maxBytes).toBe(1024);
    expect(httpOptions(loadConfig({ inputMaxBytes: 1 << 22, fetchMaxBytes: 2048 }, {})).maxBytes).toBe(2048);
  });
});
