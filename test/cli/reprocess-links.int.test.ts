import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorOf } from '../../bench/links-pairs.mjs';
import { fileInput } from '../../src/inputs.js';
import { copiesOfIndexed } from '../../src/links/index.js';
import { enqueueFetch } from '../../src/queues/producer.js';
import { keyspace } from '../../src/store/keys.js';
import { CLI, cliEnv, startHarness, type Harness } from '../helpers/harness.js';

const REMARKS = join(import.meta.dirname, '../fixtures/remarks/foreign-minister-summit.txt');
const page = (body: string) =>
  `Remarks by the High Representative after the summit\nBrussels, 02/04/2026\n\n${body}\n`;

describe(
  'pressline reprocess annotates like publish (real Redis, workers, JSON Lines)',
  { timeout: 90_000 },
  () => {
    let h: Harness;
    let own: string;
    let copy: string;

    beforeAll(async () => {
      h = await startHarness([]);
      const text = await readFile(REMARKS, 'utf8');
      const ingest = async (name: string, body: string) => {
        const file = join(h.dir, name);
        await writeFile(file, page(body));
        const input = await fileInput(file);
        await enqueueFetch(h.app.queues, h.app.status, input);
        await h.idle(30_000);
        return input.job.docId;
      };
      own = await ingest('summit.txt', text);
      copy = await ingest('summit-mirror.txt', mirrorOf(text, 21));
    });
    afterAll(async () => h?.close());

    it('signs every record again, so an emptied link index finds the copies again', async () => {
      const archived = (await h.records()) as { id: string; sameAs?: string[] }[];
      expect(archived.find((r) => r.id === copy)?.sameAs).toEqual([own]);
      expect((await copiesOfIndexed(h.app.stores.links, own)).map((c) => c.id)).toEqual([copy]);

      // As after a change of signature scheme: the index holds nothing comparable.
      const keys = keyspace(h.config);
      const stale = [
        keys.minhash,
        keys.linkIds,
        keys.linkNext,
        ...(await h.app.connection.keys(`${keys.lsh('')}*`)),
      ];
      await h.app.connection.del(...stale);
      expect(await copiesOfIndexed(h.app.stores.links, own)).toEqual([]);

      const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'reprocess', '--all'], {
        env: cliEnv(h),
      });
      expect(stdout).toContain('2 record(s) queued from stage clean');
      await h.idle(30_000);
      expect((await copiesOfIndexed(h.app.stores.links, own)).map((c) => c.id)).toEqual([copy]);
      expect((await copiesOfIndexed(h.app.stores.links, copy)).map((c) => c.id)).toEqual([own]);
      // The same versions again: the archive holds each once, as before.
      expect((await h.records()).map((r) => r.id).sort()).toEqual([own, copy].sort());
    });
  },
);
