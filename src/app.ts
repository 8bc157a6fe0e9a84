import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { assertRedis, createRedis } from './store/connection.js';
import { DocStatus } from './store/doc-status.js';
import { Queues } from './queues/queues.js';
import { createSinks } from './sinks/index.js';
import { redisFetchDeps } from './fetch/index.js';
import { discoverWorker } from './workers/discover.js';
import type { Sink } from './sinks/types.js';
import { stageDefs, type StageContext, type StageDef } from './stages/registry.js';
import { deliverSpec, publishSpec, stageSpec } from './workers/specs.js';
import { createWorker, type WorkerOptions } from './workers/worker.js';

/** Worker groups `pressline workers --stages` accepts; `deliver` runs one worker per sink. */
export const WORKER_STAGES = [
  'fetch',
  'clean',
  'segment',
  'figures',
  'publish',
  'deliver',
  'discover',
] as const;
export type WorkerStage = (typeof WORKER_STAGES)[number];
/** Started when no stages are named: all but `discover`, which `pressline start` runs only with DISCOVERY on. */
const DEFAULT_STAGES = WORKER_STAGES.filter((s) => s !== 'discover');

/** The running pipeline in one process: its Redis connection, queues, status store, sinks and workers. */
export class App {
  readonly workers: Worker[] = [];
  private closing: Promise<void> | null = null;

  private constructor(
    readonly config: Config,
    readonly log: Logger,
    readonly connection: Redis,
    readonly queues: Queues,
    readonly status: DocStatus,
    readonly sinks: Sink[],
    private readonly context: (log: Logger) => StageContext,
  ) {}

  /** Connects to Redis (failing in one clear line when none answers) and opens every queue. */
  static async connect(config: Config, log: Logger, context: (log: Logger) => StageContext): Promise<App> {
    await assertRedis(config.redisUrl);
    const connection = createRedis(config.redisUrl);
    connection.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
    const sinks = createSinks(config, log, { redis: connection });
    const queues = new Queues(
      connection,
      config,
      sinks.map((s) => s.name),
    );
    // Politeness and the fetch index live in Redis, so they hold across every worker process.
    let fetchDeps: StageContext['fetch'] | undefined;
    const shared = (l: Logger): StageContext => {
      const ctx = context(l);
      fetchDeps ??= redisFetchDeps(ctx.fetch, connection, config);
      return { ...ctx, fetch: fetchDeps };
    };
    return new App(config, log, connection, queues, new DocStatus(connection, config), sinks, shared);
  }

  /** The stage context workers get (Redis-backed fetch politeness and index); discovery shares its client. */
  stageContext(log: Logger): StageContext {
    return this.context(log);
  }

  /** Starts workers for the given stages (all by default). */
  startWorkers(stages: readonly WorkerStage[] = DEFAULT_STAGES, opts: WorkerOptions = {}): Worker[] {
    const deps = { config: this.config, connection: this.connection, status: this.status, log: this.log };
    const started: Worker[] = [];
    for (const stage of stages) {
      if (stage === 'discover') {
        started.push(discoverWorker(this, opts));
      } else if (stage === 'deliver') {
        for (const sink of this.sinks) started.push(createWorker(deliverSpec(sink, this.status), deps, opts));
      } else if (stage === 'publish') {
        started.push(createWorker(publishSpec(this.queues, this.status), deps, opts));
      } else {
        const def = stageDefs[stage] as StageDef<unknown, unknown>;
        started.push(createWorker(stageSpec(def, this.queues, this.context), deps, opts));
      }
    }
    this.workers.push(...started);
    this.log.info({ stages, concurrency: opts.concurrency ?? this.config.concurrency }, 'workers started');
    return started;
  }

  /** Graceful: workers finish their active jobs, then queues, sinks and Redis close. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all(this.workers.map((w) => w.close()));
      await this.queues.close();
      await Promise.all(this.sinks.map((s) => s.close()));
      await this.connection.quit().catch(() => this.connection.disconnect());
    })();
    return this.closing;
  }
}
