import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { PresslineError } from '../../src/errors.js';
import { DEFAULT_LIMITS } from '../../src/extract/limits.js';
import { createLogger } from '../../src/logger.js';
import { CleanJob } from '../../src/schemas/jobs.js';
import { clean } from '../../src/stages/clean.js';
import { figures } from '../../src/stages/figures.js';
import { segment } from '../../src/stages/segment.js';
import { StagePool } from '../../src/stages/stage-pool.js';

// The threads run the build (dist/), which the tests' global setup makes first.
const cleanJob = (text: string, docId = 'file:pool-test') => ({
  docId,
  traceId: 't-pool',
  stages: {},
  source: {
    url: null,
    path: '/made-up/remarks.txt',
    site: 'generic',
    fetchedAt: '2026-03-01T10:00:00.000Z',
    contentType: 'text/plain; charset=utf-8',
    rawSha256: 'b'.repeat(64),
  },
  body: text,
});

const remarks =
  'Remarks by Commissioner Ines Varga on the harbour fund\n\nValletta, 4 May 2026\n\n' +
  'Commissioner Varga: Good morning. We will invest €40 million in twelve ports.\n\n' +
  'Question: Is the €40 million new money?\n\nCommissioner Varga: Yes, all of it.\n';

function collectingLogger() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger(
    'debug',
    new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    }),
  );
  return { log, lines };
}

const pools: StagePool[] = [];
const pool = (timeLimitMs = 30_000) => {
  const p = new StagePool({ threads: 1, timeLimitMs, logLevel: 'debug' });
  pools.push(p);
  return p;
};
afterAll(() => Promise.all(pools.map((p) => p.close())));

describe('the stage threads', () => {
  it('give the same output as the stages run inline, stage after stage', async () => {
    const p = pool();
    const { log } = collectingLogger();
    const inline = figures(segment(clean(CleanJob.parse(cleanJob(remarks))).output));
    const cleaned = await p.run('clean', cleanJob(remarks), 'test', log);
    const segmented = await p.run('segment', cleaned, 'test', log);
    const record = await p.run('figures', segmented, 'test', log);
    expect(record).toEqual(JSON.parse(JSON.stringify(inline)));
  });

  it('take many documents at once on one thread (they wait their turn, none is refused)', async () => {
    const p = pool();
    const { log } = collectingLogger();
    const out = await Promise.all(
      Array.from({ length: 20 }, (_, i) => p.run('clean', cleanJob(remarks, `file:many-${i}`), 'test', log)),
    );
    expect(out.map((o) => (o as { docId: string }).docId)).toEqual(
      Array.from({ length: 20 }, (_, i) => `file:many-${i}`),
    );
  });

  it('check the job on arrival: a bad one fails without retry, naming each path', async () => {
    const { log } = collectingLogger();
    const bad = { ...cleanJob(remarks), docId: '', body: 42 };
    const err = await pool()
      .run('clean', bad, 'queue clean, job 7', log)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PresslineError);
    expect(err).toMatchObject({ code: 'ERR_VALIDATION', retryable: false });
    expect((err as Error).message).toMatch(/clean job is invalid \(queue clean, job 7\)/);
    expect((err as Error).message).toMatch(/- docId: /);
    expect((err as Error).message).toMatch(/- body: /);
  });

  it('apply the caps the configuration sets (TEXT_MAX_CHARS) in the thread too', async () => {
    const { log } = collectingLogger();
    const p = new StagePool({
      threads: 1,
      timeLimitMs: 30_000,
      logLevel: 'debug',
      limits: { ...DEFAULT_LIMITS, textMaxChars: 100 },
    });
    pools.push(p);
    const err = await p.run('clean', cleanJob(remarks), 'test', log).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/TEXT_MAX_CHARS/);
    expect(err).toMatchObject({ retryable: false });
  });

  it('write what the stage logs through the job logger', async () => {
    const { log, lines } = collectingLogger();
    const job = log.child({ jobId: 'j1' });
    const html = {
      ...cleanJob('<html><body><p>Nothing here but a line.</p></body></html>'),
      source: {
        ...cleanJob('').source,
        url: 'https://www.eeas.europa.eu/eeas/empty_en',
        contentType: 'text/html',
      },
    };
    await pool()
      .run('clean', html, 'test', job)
      .catch(() => null);
    expect(lines.some((l) => l.jobId === 'j1' && l.msg === 'extractor warning')).toBe(true);
  });

  it('stop a document that runs past the time limit for good, and go on with the next', async () => {
    // The limit leaves a fresh thread room for a small document even on a loaded machine.
    const p = pool(1_500);
    const { log } = collectingLogger();
    // A long text with a figure in every sentence (past the clean stage's cap, so made here):
    // about 7.5 s of figures work on an idle 2-core machine (1.9 s a 3 MB text since the
    // speed work of December, which a loaded run finished inside 1.5 s), five times the limit.
    let text = 'Remarks by Commissioner Ines Varga\n\nValletta, 4 May 2026\n\n';
    for (let i = 0; text.length < 12_000_000; i++)
      text += `Commissioner Varga: In ${i} ports €${i} million went up ${i % 50}% on 2024, and ${i * 3} more.\n\n`;
    const cleaned = clean(CleanJob.parse(cleanJob(remarks))).output;
    const segmented = { ...segment(cleaned), text, segments: [], exchanges: [] };
    const started = Date.now();
    const err = await p.run('figures', segmented, 'test', log).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ERR_STAGE_TIME_LIMIT', retryable: false });
    expect(Date.now() - started).toBeLessThan(10_000);
    // The thread was replaced: the next document goes through.
    const small = await p.run('clean', cleanJob(remarks, 'file:after'), 'test', log);
    expect(small).toMatchObject({ docId: 'file:after' });
  });
});
