import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster } from 'ioredis';
import { App } from '../../src/app.js';
import { loadRuntime, type Runtime } from '../../src/cli/runtime.js';
import type { Config } from '../../src/config.js';
import { createRedis } from '../../src/store/connection.js';
import { redisForTests } from './services.js';

export interface TestPipeline {
  app: App;
  config: Config;
  runtime: Runtime;
  /** Removes every key of this test's prefix and its data folder. */
  cleanup(): Promise<void>;
}

/**
 * The environment minus the optional archives: `.ci/run` sets DATABASE_URL for the tests
 * that want PostgreSQL, and they turn a sink on by passing it in `overrides`.
 */
const ARCHIVES = ['DATABASE_URL', 'WEBHOOK_URL', 'WEBHOOK_SECRET'];
export const withoutArchives: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !ARCHIVES.includes(k)),
);

/** A pipeline on a real Redis, with its own queue prefix and data folder, for one test. */
export async function testPipeline(overrides: Partial<Config> = {}): Promise<TestPipeline> {
  const redisUrl = await redisForTests();
  const dataDir = await mkdtemp(join(tmpdir(), 'pressline-test-'));
  const rt = loadRuntime(
    {
      redisUrl,
      queuePrefix: `test-${randomUUID()}`,
      dataDir,
      logLevel: 'silent',
      backoffMs: 50,
      fetchMinIntervalMs: 0,
      fetchAllowPrivate: true,
      ...overrides,
    },
    withoutArchives,
  );
  const { config } = rt;
  const app = await App.connect(config, rt.log);
  return {
    app,
    config,
    runtime: rt,
    async cleanup() {
      await app.close();
      // Every node of a cluster; `{prefix[:}]*` matches the one-slot keys and a cluster's `{prefix:group}` ones.
      const redis = createRedis(config);
      await redis.ping(); // a cluster knows its nodes once connected
      for (const node of redis instanceof Cluster ? redis.nodes('master') : [redis]) {
        let cursor = '0';
        do {
          const [next, keys] = await node.scan(cursor, 'MATCH', `{${config.queuePrefix}[:}]*`, 'COUNT', 1000);
          cursor = next;
          // One DEL per key: on a cluster, keys of different slots cannot go in one command.
          await Promise.all(keys.map((k) => node.del(k)));
        } while (cursor !== '0');
      }
      await redis.quit();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
