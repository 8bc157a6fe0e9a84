import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PresslineError } from '../src/errors.js';
import { watchInbox } from '../src/inbox.js';
import { fileInput, resolveInputs, type Input } from '../src/inputs.js';
import { createLogger } from '../src/logger.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pressline-inputs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A logger whose records land in `lines`, as data. */
function capturedLog(lines: Record<string, unknown>[]) {
  return createLogger(
    'info',
    new Writable({
      write(chunk: Buffer, _e, done) {
        for (const l of chunk.toString().split('\n').filter(Boolean))
          lines.push(JSON.parse(l) as Record<string, unknown>);
        done();
      },
    }),
  );
}

describe('input size caps (INPUT_MAX_BYTES)', () => {
  it('refuses a file over the cap for good, naming the file and the setting, without reading it', async () => {
    const file = join(dir, 'huge.txt');
    await writeFile(file, 'x'.repeat(2048));
    const err = await fileInput(file, { maxBytes: 1024 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PresslineError);
    expect(err).toMatchObject({ code: 'ERR_INPUT_TOO_LARGE', retryable: false });
    expect((err as Error).message).toMatch(/huge\.txt.*2048 bytes.*INPUT_MAX_BYTES \(1024\)/);
    await expect(resolveInputs([dir], { maxBytes: 1024 })).rejects.toMatchObject({
      code: 'ERR_INPUT_TOO_LARGE',
    });
    expect((await fileInput(file, { maxBytes: 4096 })).job.target).toMatchObject({ kind: 'inline' });
  });

  it('moves an inbox file that can never be ingested to .failed with its reason, and tries it once', async () => {
    const inbox = join(dir, 'inbox');
    await mkdir(inbox);
    await writeFile(join(inbox, 'huge.txt'), 'x'.repeat(2048));
    await writeFile(join(inbox, 'fine.txt'), 'Remarks\nGood morning.\n');
    const ingested: Input[] = [];
    const logs: Record<string, unknown>[] = [];
    const stop = watchInbox(
      inbox,
      async (input) => {
        ingested.push(input);
      },
      capturedLog(logs),
      { intervalMs: 20, maxBytes: 1024 },
    );
    try {
      for (let i = 0; i < 200 && (await readdir(inbox)).some((f) => !f.startsWith('.')); i++)
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      stop();
    }
    expect(ingested.map((i) => i.label)).toEqual([join(inbox, 'fine.txt')]);
    expect(await readdir(join(inbox, '.failed'))).toEqual(['huge.txt', 'huge.txt.reason']);
    expect(await readFile(join(inbox, '.failed', 'huge.txt.reason'), 'utf8')).toMatch(
      /ERR_INPUT_TOO_LARGE.*INPUT_MAX_BYTES/,
    );
    const refusals = logs.filter((l) => String(l.file).endsWith('huge.txt') && l.level === 50);
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ msg: 'inbox file refused for good: moved to .failed' });
  });
});

describe('record ids of local inputs', () => {
  it('gives report.txt in two folders two ids, and --id the one given', async () => {
    await mkdir(join(dir, 'a'));
    await mkdir(join(dir, 'inbox'));
    await writeFile(join(dir, 'a', 'report.txt'), 'Remarks\nOne.\n');
    await writeFile(join(dir, 'inbox', 'report.txt'), 'Remarks\nAnother.\n');
    const ids = (await resolveInputs([dir])).map((i) => i.job.docId);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    const [named] = await resolveInputs([join(dir, 'a', 'report.txt')], { id: 'file:q1-report' });
    expect(named?.job.docId).toBe('file:q1-report');
    await expect(resolveInputs([dir], { id: 'file:q1-report' })).rejects.toMatchObject({
      code: 'ERR_INPUT_ID',
    });
  });
});
