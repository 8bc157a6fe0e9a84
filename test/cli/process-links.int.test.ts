import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { mirrorOf, remarks } from '../../bench/links-pairs.mjs';
import { CLI } from '../helpers/harness.js';
import { withoutArchives } from '../helpers/pipeline.js';

describe('pressline process links the copies among its inputs', { timeout: 60_000 }, () => {
  it('gives a mirror in the same run sameAs the original, and unrelated remarks none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pressline-process-links-'));
    try {
      const [energy, , finance] = remarks();
      await writeFile(join(dir, 'a-original.txt'), `Remarks by the Commissioner\n\n${energy!.text}`);
      await writeFile(
        join(dir, 'b-mirror.txt'),
        `Remarks by the Commissioner\n\n${mirrorOf(energy!.text, 11)}`,
      );
      await writeFile(join(dir, 'c-other.txt'), `Remarks by the President\n\n${finance!.text}`);
      const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'process', '--jsonl', dir], {
        env: { ...withoutArchives, LOG_LEVEL: 'silent', DATA_DIR: dir },
      });
      const records = stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; sameAs?: string[] });
      expect(records).toHaveLength(3);
      const [original, mirror, other] = records;
      expect(original!.sameAs).toBeUndefined();
      expect(mirror!.sameAs).toEqual([original!.id]);
      expect(other!.sameAs).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
