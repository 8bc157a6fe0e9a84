import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanJobFromSnapshot } from '../../src/cli/reprocess.js';
import { docIdFor } from '../../src/ids.js';
import type { FetchJob } from '../../src/schemas/jobs.js';
import { pressCornerDocumentUrl } from '../../src/sources/parsers.js';
import { fetchDocument, type FetchDeps } from '../../src/stages/fetch.js';
import { MemoryFetchIndex } from '../../src/store/fetch-index.js';
import { FileRawStore } from '../../src/store/raw-store.js';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server.js';
import { testClient } from '../helpers/http-client.js';

let site: FixtureSite;
let dir: string;
let deps: FetchDeps;

beforeAll(async () => {
  site = await startFixtureSite();
  dir = await mkdtemp(join(tmpdir(), 'pressline-fetch-'));
  deps = {
    client: testClient({ allowPrivate: true }),
    raw: new FileRawStore(dir),
    index: new MemoryFetchIndex(),
    now: () => new Date('2026-03-10T12:00:00Z'),
  };
});
afterAll(async () => {
  await site.close();
  await rm(dir, { recursive: true, force: true });
});

const jobFor = (url: string, site: 'ec-presscorner' | 'eeas'): FetchJob => ({
  docId: docIdFor({ url, path: null, site }),
  traceId: randomUUID(),
  stages: {},
  target: { kind: 'url', url, site },
});

describe('the fetch stage', () => {
  it('passes a Press Corner document on as JSON under its Press Corner record id, stored raw by sha256', async () => {
    const url = pressCornerDocumentUrl(`${site.url}/presscorner`, 'SPEECH/26/1766', 'en');
    const job = jobFor(url, 'ec-presscorner');
    expect(job.docId).toBe('ec-presscorner:speech_26_1766');
    const out = await fetchDocument(job, deps);
    expect(out?.source).toMatchObject({ site: 'ec-presscorner', contentType: 'application/json', url });
    expect(JSON.parse(out?.body ?? '{}').docuLanguageResource.htmlContent).toContain('measure 2');
    const raw = await deps.raw.get(out?.source.rawSha256 ?? '');
    expect(raw?.toString()).toBe(out?.body);
    expect(await deps.index.get(job.docId)).toMatchObject({
      rawSha256: out?.source.rawSha256,
      etag: expect.any(String),
    });
  });

  it('lets nothing further when the page answers 304, or when its bytes are the ones already stored', async () => {
    const page = site.state.eeas[0];
    const url = `${site.url}/eeas/${page?.slug}`;
    expect(await fetchDocument(jobFor(url, 'eeas'), deps)).not.toBeNull();
    expect(await fetchDocument(jobFor(url, 'eeas'), deps)).toBeNull();
    expect(site.requests(`/eeas/${page?.slug}`).map((l) => l.status)).toEqual([200, 304]);
    // The server forgets validators (no ETag match): same bytes, still nothing new.
    const entry = await deps.index.get(`eeas:eeas/${page?.slug}`);
    if (entry) await deps.index.put({ ...entry, etag: null, lastModified: null });
    expect(await fetchDocument(jobFor(url, 'eeas'), deps)).toBeNull();
  });

  it('rebuilds the same clean job from the raw snapshot, without a request', async () => {
    const url = `${site.url}/eeas/${site.state.eeas[2]?.slug}`;
    const out = await fetchDocument(jobFor(url, 'eeas'), deps);
    const before = site.log.length;
    const entry = await deps.index.get(out?.docId ?? '');
    if (!entry) throw new Error('no index entry');
    const again = await cleanJobFromSnapshot(entry, deps.raw, out?.traceId);
    expect(again).toEqual({ ...out, stages: {} });
    expect(site.log.length).toBe(before);
  });

  it('fails an empty document permanently', async () => {
    const url = `${site.url}/fault/empty`;
    await expect(fetchDocument(jobFor(url, 'ec-presscorner'), deps)).rejects.toMatchObject({
      code: 'ERR_FETCH_EMPTY',
      retryable: false,
    });
  });
});
