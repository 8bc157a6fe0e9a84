import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/harness.js';
import { withoutArchives } from '../helpers/pipeline.js';

describe('pressline process and record ids', { timeout: 60_000 }, () => {
  it('prints the record under the id given with --id, and refuses --id for several inputs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pressline-ids-'));
    try {
      const text = 'Remarks by the spokesperson\nBrussels, 01/02/2026\nGood morning. We agreed today.\n';
      const a = join(dir, 'a.txt');
      await writeFile(a, text);
      const run = (args: string[]) =>
        promisify(execFile)(process.execPath, [CLI, 'process', '--jsonl', ...args], {
          env: { ...withoutArchives, LOG_LEVEL: 'silent', DATA_DIR: dir },
        });
      const { stdout } = await run(['--id', 'file:briefing-0201', a]);
      expect((JSON.parse(stdout) as { id: string }).id).toBe('file:briefing-0201');
      const refused = await run(['--id', 'x:y', a, a]).catch((e: { stderr: string; code: number }) => e);
      expect((refused as { code: number }).code).toBe(1);
      expect((refused as { stderr: string }).stderr).toMatch(/ERR_INPUT_ID/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
