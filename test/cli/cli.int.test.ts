import { execFile } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PressRecord } from '../../src/schemas/record.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['dist/cli.js', ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
  });

describe('the pressline command', () => {
  it('lists every command with an example in its help', async () => {
    const { stdout } = await cli(['--help']);
    for (const cmd of ['start', 'ingest', 'process', 'workers', 'status', 'schema', 'config'])
      expect(stdout).toContain(cmd);
    const { stdout: ingestHelp } = await cli(['ingest', '--help']);
    expect(ingestHelp).toMatch(/Example/);
  });

  it('prints one valid record per input with --jsonl', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pl-cli-'));
    const { stdout } = await cli(
      ['process', '--jsonl', 'examples/ecb-press-conference.txt', 'test/fixtures/transcripts'],
      { DATA_DIR: dataDir },
    );
    const lines = stdout.trim().split('\n');
    // One record for the file, and one for each transcript of the folder.
    expect(lines).toHaveLength(1 + (await readdir(join(root, 'test/fixtures/transcripts'))).length);
    for (const line of lines) expect(() => PressRecord.parse(JSON.parse(line))).not.toThrow();
  });

  it('says in one line that no Redis answers, and how to start one', async () => {
    const err = await cli(['status'], { REDIS_URL: 'redis://127.0.0.1:1' }).catch(
      (e: { stderr: string; code: number }) => e,
    );
    expect((err as { code: number }).code).toBe(1);
    const stderr = (err as { stderr: string }).stderr.trim();
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/No Redis answers at redis:\/\/127\.0\.0\.1:1\. Start one/);
  });

  it('names the input that does not exist', async () => {
    const err = await cli(['process', 'no/such/file.txt']).catch((e: { stderr: string }) => e);
    expect((err as { stderr: string }).stderr).toContain(
      'no/such/file.txt: no such file, folder or http(s) URL',
    );
  });
});
