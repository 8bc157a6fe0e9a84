import { mkdtemp, readFile, readdir, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonlSink } from '../../src/sinks/jsonl.js';
import { recordFixture } from '../helpers/record.js';

const lines = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter(Boolean);

describe('the JSON Lines sink', () => {
  it('writes a record once, and a new version as a new line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jsonl-'));
    const now = () => new Date('2026-03-01T10:00:00Z');
    const sink = new JsonlSink({ dir, fsync: 'always', now });
    const v1 = recordFixture({ suffix: 'First version.' });
    expect(await sink.deliver(v1)).toBe('written');
    expect(await sink.deliver(v1)).toBe('duplicate');
    expect(await sink.deliver(recordFixture({ suffix: 'Second version.' }))).toBe('written');
    const file = join(dir, '2026-03-01.jsonl');
    expect((await lines(file)).map((l) => JSON.parse(l).version)).toHaveLength(2);

    // A new process (a restart) still knows what is archived.
    const again = new JsonlSink({ dir, fsync: 'never', now: () => new Date('2026-03-02T10:00:00Z') });
    expect(await again.deliver(v1)).toBe('duplicate');
    expect(await readdir(dir)).toEqual(['2026-03-01.jsonl']);
  });

  it('cuts a torn last line left by a crash before appending', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jsonl-'));
    const now = () => new Date('2026-03-01T10:00:00Z');
    const sink = new JsonlSink({ dir, fsync: 'always', now });
    await sink.deliver(recordFixture({ suffix: 'One.' }));
    await appendFile(join(dir, '2026-03-01.jsonl'), '{"schemaVersion":1,"id":"half');
    await new JsonlSink({ dir, fsync: 'always', now }).deliver(recordFixture({ suffix: 'Two.' }));
    const all = await lines(join(dir, '2026-03-01.jsonl'));
    expect(all).toHaveLength(2);
    for (const l of all) expect(() => JSON.parse(l)).not.toThrow();
  });

  it('sees lines another writer appended after its own, and cuts a tail torn after its own write', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jsonl-'));
    const now = () => new Date('2026-03-01T10:00:00Z');
    const file = join(dir, '2026-03-01.jsonl');
    const a = new JsonlSink({ dir, fsync: 'never', now });
    const b = new JsonlSink({ dir, fsync: 'never', now });
    expect(await a.deliver(recordFixture({ suffix: 'One.' }))).toBe('written');
    expect(await b.deliver(recordFixture({ suffix: 'Two.' }))).toBe('written');
    expect(await a.deliver(recordFixture({ suffix: 'Two.' }))).toBe('duplicate');
    await appendFile(file, '{"schemaVersion":1,"id":"half');
    expect(await a.deliver(recordFixture({ suffix: 'Three.' }))).toBe('written');
    expect(await b.deliver(recordFixture({ suffix: 'Three.' }))).toBe('duplicate');
    const all = await lines(file);
    expect(all).toHaveLength(3);
    for (const l of all) expect(() => JSON.parse(l)).not.toThrow();
  });

  it('keeps every line whole when many records are delivered at once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jsonl-'));
    const sink = new JsonlSink({ dir, fsync: 'never' });
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        sink.deliver(recordFixture({ suffix: `Remark number ${i}. `.repeat(200) })),
      ),
    );
    const [file] = await readdir(dir);
    const all = await lines(join(dir, file!));
    expect(all).toHaveLength(50);
    for (const l of all) expect(() => JSON.parse(l)).not.toThrow();
  });
});
