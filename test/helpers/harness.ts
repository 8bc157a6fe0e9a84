import { afterEach, beforeEach } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import type { App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { testPipeline } from './pipeline.js';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server.js';

/** The built CLI (test/global-setup.ts builds `dist/` once before any test). */
export const CLI = resolve(import.meta.dirname, '../../dist/cli.js');

/** A whole pipeline on its own queue prefix and data folder, with a sources file, torn down after. */
export interface Harness {
  app: App;
  config: Config;
  dir: string;
  records(): Promise<ArchivedRecord[]>;
  idle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** An archived record, as the JSON Lines archive holds it (the fields tests look at). */
export interface ArchivedRecord {
  id: string;
  version: string;
  text: string;
  source: { site: string; url: string | null };
}

/** Every record in the JSON Lines archive under `dataDir`, in file order, duplicates included. */
export async function archiveRecords(dataDir: string): Promise<ArchivedRecord[]> {
  const archive = join(dataDir, 'archive');
  let files: string[];
  try {
    files = (await readdir(archive)).filter((f) => f.endsWith('.jsonl')).sort();
  } catch {
    return [];
  }
  const lines = (await Promise.all(files.map((f) => readFile(join(archive, f), 'utf8'))))
    .join('')
    .split('\n')
    .filter(Boolean);
  return lines.map((l) => JSON.parse(l) as ArchivedRecord);
}

/** The environment of a `pressline` command run against a harness's Redis prefix, data folder and sources file. */
export function cliEnv(harness: Harness): NodeJS.ProcessEnv {
  const c = harness.config;
  return {
    ...process.env,
    REDIS_URL: c.redisUrl,
    QUEUE_PREFIX: c.queuePrefix,
    DATA_DIR: c.dataDir,
    SOURCES_FILE: c.sourcesFile,
    LOG_LEVEL: 'warn',
  };
}

export async function startHarness(sources: unknown[], options: Partial<Config> = {}): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'pressline-sources-'));
  const sourcesFile = join(dir, 'sources.yaml');
  await writeFile(sourcesFile, stringify({ sources }));
  const p = await testPipeline({
    dataDir: join(dir, 'data'),
    sourcesFile,
    attempts: 2,
    fetchAllowPrivate: false,
    fetchMinIntervalMs: 5,
    fetchHostConcurrency: 4,
    fetchRetries: 1,
    fetchRetryBaseMs: 10,
    // Long enough for a busy CI machine; the stalled-body fixture never ends, so it still times out.
    fetchBodyTimeoutMs: 1000,
    fetchMaxBytes: 1024 * 1024,
    fetchMaxRedirects: 3,
    jsonlFsync: 'never',
    ...options,
  });
  const { app, config } = p;
  app.startWorkers(undefined, { concurrency: 4 });
  return {
    app,
    config,
    dir,
    records: () => archiveRecords(config.dataDir),
    async idle(timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      let quiet = 0;
      while (Date.now() < until) {
        let busy = 0;
        // The discover queue always holds a scheduler's next run, or a delayed retry: not work in flight.
        for (const q of app.queues.all().filter((x) => x.name !== 'discover')) {
          const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
          busy += Object.values(c).reduce((a, b) => a + b, 0);
        }
        quiet = busy === 0 ? quiet + 1 : 0;
        if (quiet >= 3) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('the pipeline did not become idle in time');
    },
    async close() {
      await p.cleanup();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A fixture site started before each test of the file, and a harness per test: `start` makes
 * it; the harness, then the site, are closed after each test.
 */
export function useFixtureSite(): {
  readonly site: FixtureSite;
  start(sources: unknown[], options?: Partial<Config>): Promise<Harness>;
} {
  let site: FixtureSite | null = null;
  let harness: Harness | null = null;
  beforeEach(async () => {
    site = await startFixtureSite();
  });
  afterEach(async () => {
    await harness?.close();
    harness = null;
    await site?.close();
    site = null;
  });
  return {
    get site() {
      if (!site) throw new Error('the fixture site runs only inside a test');
      return site;
    },
    async start(sources, options) {
      harness = await startHarness(sources, options);
      return harness;
    },
  };
}
