import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
});
