import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileFetchIndex, type FetchEntry } from '../../src/store/fetch-index.js';
import { moveToFiles } from '../../src/store/move-to-files.js';
import { ShardedFiles } from '../../src/store/sharded-files.js';
import { VersionStore } from '../../src/store/version-store.js';
import { recordFixture } from '../helpers/record.js';
import { useRedisKeyspace } from '../helpers/store.js';

const { redis, keys } = useRedisKeyspace();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pressline-per-record-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The stores as a new process opens them over one DATA_DIR. */
const open = (name: string) => ({
  versions: new VersionStore(new ShardedFiles(join(dir, name, 'versions'))),
  fetched: new FileFetchIndex(new ShardedFiles(join(dir, name, 'fetched'))),
});

const entry = (docId: string, etag: string): FetchEntry => ({
  docId,
  url: `https://example.eu/${docId}`,
  path: null,
  site: 'generic',
  source: null,
  contentType: 'text/html',
  rawSha256: 'a'.repeat(64),
  fetchedAt: '2026-12-04T10:00:00.000Z',
  etag,
  lastModified: null,
});

describe('the versions kept for diffs, on disk', () => {
  it('diffs each new version against the one before, a retry against the same, also in a new process', async () => {
    const v1 = recordFixture({ id: 'eeas:edited' });
    const v2 = recordFixture({ id: 'eeas:edited', suffix: 'Corrected.' });
    const v3 = recordFixture({ id: 'eeas:edited', suffix: 'Corrected twice.' });
    const first = open('restart').versions;
    expect(await first.previousOf(v1)).toBeNull();
    expect((await first.previousOf(v2))?.version).toBe(v1.version);
    expect((await first.previousOf(v2))?.version).toBe(v1.version);

    const second = open('restart').versions;
    expect((await second.previousOf(v3))?.version).toBe(v2.version);
    expect((await second.versions('eeas:edited')).map((r) => r.version)).toEqual([v3.version, v2.version]);
    expect(await second.versions('eeas:never-published')).toEqual([]);
  });
});

describe('the fetch index, on disk', () => {
  it('gives back the latest entry of each record, and every id, in a new process', async () => {
    const first = open('fetch').fetched;
    await first.put(entry('generic:a', '"1"'));
    await first.put(entry('generic:a', '"2"'));
    await first.put(entry('generic:b', '"1"'));
    const second = open('fetch').fetched;
    expect((await second.get('generic:a'))?.etag).toBe('"2"');
    expect(await second.get('generic:c')).toBeNull();
    expect(await second.ids()).toEqual(['generic:a', 'generic:b']);
  });
});

describe('moving what older releases kept per record in Redis (real Redis)', () => {
  it('moves the fetch index and the versions to DATA_DIR once, keeping a newer file, and deletes the keys', async () => {
    const v1 = recordFixture({ id: 'eeas:old' });
    const v2 = recordFixture({ id: 'eeas:old', suffix: 'Corrected.' });
    const gz = (r: typeof v1) => gzipSync(JSON.stringify(r));
    // As the earlier VersionStore and RedisFetchIndex wrote them.
    await redis().hset(keys.versions('eeas:old'), {
      current: v2.version,
      previous: v1.version,
      [`v:${v2.version}`]: gz(v2),
      [`v:${v1.version}`]: gz(v1),
    });
    await redis().hset(keys.fetched, 'generic:old', JSON.stringify(entry('generic:old', '"old"')));
    await redis().hset(keys.fetched, 'generic:newer', JSON.stringify(entry('generic:newer', '"old"')));
    const stores = open('moved');
    await stores.fetched.put(entry('generic:newer', '"new"'));

    expect(await moveToFiles(redis(), keys, stores)).toEqual({ fetched: 1, versions: 1 });
    expect((await stores.versions.versions('eeas:old')).map((r) => r.version)).toEqual([
      v2.version,
      v1.version,
    ]);
    expect((await stores.fetched.get('generic:old'))?.etag).toBe('"old"');
    expect((await stores.fetched.get('generic:newer'))?.etag).toBe('"new"');
    expect(await redis().exists(keys.fetched, keys.versions('eeas:old'))).toBe(0);
    expect(await moveToFiles(redis(), keys, stores)).toBeNull();
  });
});
