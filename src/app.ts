import { join } from 'node:path';
import type { Worker } from 'bullmq';
import type { RedisClient } from './store/connection.js';
import type { Config } from './config.js';
import { memoryClient } from './fetch/index.js';
import type { EnqueueOutcome, Input } from './inputs.js';
import type { Logger } from './logger.js';
import { startDeliveryProbe } from './queues/delivery-probe.js';
import { enqueueFetch } from './queues/producer.js';
import { Queues } from './queues/queues.js';
import { createSinks } from './sinks/index.js';
import type { Sink } from './sinks/types.js';
import { loadSources, privateAccessOf } from './sources/load.js';
import { STAGES, type Stage } from './stages/names.js';
import { isPooled, StagePool } from './stages/stage-pool.js';
import { stageDefs, type StageContext, type StageDef } from './stages/registry.js';
import { assertRedis, createRedis } from './store/connection.js';
import type { DocStatus } from './store/doc-status.js';
import { MemoryFetchIndex } from './store/fetch-index.js';
import { openStores, type Stores } from './store/index.js';
import { moveToFiles } from './store/move-to-files.js';
import { FileRawStore, MemoryRawStore, type RawStore } from './store/raw-store.js';
import { discoverSpec } from './workers/discover.js';
import { deliverSpec, publishSpec, stageSpec } from './workers/specs.js';
import { createWorker, type WorkerOptions } from './workers/worker.js';
import { limitsOf } from './extract/limits.js';

/** Started when no stages are named: all but `discover`, which `pressline start` runs only with DISCOVERY on. */
const DEFAULT_STAGES = STAGES.filter((s) => s !== 'discover');

const rawStore = (config: Config): RawStore => new FileRawStore(join(config.dataDir, 'raw'));

/**
 * The stage context of one process without Redis (`pressline process`): one HTTP client whose
 * politeness holds within this process, an in-memory fetch index, and the raw snapshots in
 * memory, or under DATA_DIR/raw with `keepRaw`.
 */
export function localStageContext(
  config: Config,
  opts: { keepRaw?: boolean } = {},
): (log: Logger) => StageContext {
  const raw = opts.keepRaw ? rawStore(config) : new MemoryRawStore();
  const client = memoryClient(config);
  const index = new MemoryFetchIndex();
  const limits = limitsOf(config);
  return (log) => ({
    log,
    limits,
    fetch: { raw, client, index, now: () => new Date(), pdfMaxPages: limits.pdfMaxPages },
  });
}

/**
 * The composition root: one process's Redis connection, every store, the queues, the sinks
 * and the stage dependencies, each built once; commands and workers take them from here.
 */
export class App {
  readonly workers: Worker[] = [];
  private closing: Promise<void> | null = null;
  private stopProbe: (() => void) | null = null;
  /** The stage threads, started with the first worker of a pure stage (STAGE_THREADS > 0). */
  private pool: StagePool | null = null;

  private constructor(
    readonly config: Config,
    readonly log: Logger,
    readonly connection: RedisClient,
    readonly stores: Stores,
    readonly queues: Queues,
    readonly sinks: Sink[],
    readonly raw: RawStore,
    private readonly context: (log: Logger) => StageContext,
  ) {}

  /** Connects to Redis (failing in one clear line when none answers), opens every store and queue. */
  static async connect(config: Config, log: Logger): Promise<App> {
    await assertRedis(config);
    const connection = createRedis(config);
    connection.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
    const stores = openStores(connection, config);
    const moved = await moveToFiles(connection, stores.keys, stores);
    if (moved) log.info(moved, 'moved the fetch index and the kept versions from Redis to DATA_DIR');
    const sinks = createSinks(config, log, { ledger: stores.ledger, lock: stores.archiveLock });
    const queues = new Queues(
      connection,
      config,
      sinks.map((s) => s.name),
    );
    // BullMQ re-emits the connection's errors on every queue; the connection's handler above logs them.
    for (const q of queues.all())
      q.on('error', (err) => log.debug({ err: err.message, queue: q.name }, 'queue error'));
    const raw = rawStore(config);
    // One client (and keep-alive agent) per process; politeness and the fetch index live in
    // Redis, so they hold across every worker process.
    const client = memoryClient(config).withLimiter(stores.hostLimiter);
    const fetch = {
      raw,
      client,
      index: stores.fetched,
      now: () => new Date(),
      versionFound: (source: string) => stores.sources.versionFound(source),
      sourceAllowsPrivate: privateAccessOf(config),
      pdfMaxPages: config.pdfMaxPages,
    };
    const limits = limitsOf(config);
    const context = (l: Logger): StageContext => ({ log: l, fetch, limits });
    return new App(config, log, connection, stores, queues, sinks, raw, context);
  }

  /** Per-document status. */
  get status(): DocStatus {
    return this.stores.status;
  }

  /** The stage context workers get (Redis-backed fetch politeness and index). */
  stageContext(log: Logger): StageContext {
    return this.context(log);
  }

  /** Queues a document for the fetch stage (see {@link enqueueFetch}). */
  enqueue(input: Input, opts?: { force?: boolean }): Promise<EnqueueOutcome> {
    return enqueueFetch(this.queues, this.status, input, opts);
  }

  /** Starts workers for the given stages (all by default); `deliver` runs one worker per sink. */
  startWorkers(stages: readonly Stage[] = DEFAULT_STAGES, opts: WorkerOptions = {}): Worker[] {
    const started = stages.flatMap((stage) => this.workersOf(stage, opts));
    this.workers.push(...started);
    // Where deliveries run, a sink that answers again gets its waiting deliveries at once.
    if (stages.includes('deliver'))
      this.stopProbe ??= startDeliveryProbe({
        sinks: this.sinks,
        queue: (n) => this.queues.get(n),
        log: this.log,
      });
    this.log.info({ stages, concurrency: opts.concurrency ?? this.config.concurrency }, 'workers started');
    return started;
  }

  /** The discover worker, unless this process runs one already (`pressline workers --stages discover`). */
  startDiscoverWorker(): Worker | null {
    if (this.workers.some((w) => w.name === 'discover')) return null;
    return this.startWorkers(['discover'])[0] ?? null;
  }

  private workersOf(stage: Stage, opts: WorkerOptions): Worker[] {
    const deps = { config: this.config, connection: this.connection, status: this.status, log: this.log };
    switch (stage) {
      case 'discover': {
        const spec = discoverSpec({
          client: this.context(this.log).fetch.client,
          seen: this.stores.seen,
          listings: this.stores.listings,
          recheck: this.stores.recheck,
          health: this.stores.sources,
          queue: this.queues.get('discover'),
          enqueue: (i) => this.enqueue(i),
          sources: () => loadSources(this.config),
        });
        // Discover jobs are about sources, not documents: they keep no document status.
        return [createWorker(spec, { ...deps, status: null }, { concurrency: 2, ...opts })];
      }
      case 'deliver':
        return this.sinks.map((sink) => createWorker(deliverSpec(sink), deps, opts));
      case 'publish':
        return [
          createWorker(
            publishSpec(this.queues, this.status, {
              history: this.stores.versions,
              links: this.stores.links,
            }),
            deps,
            opts,
          ),
        ];
      default: {
        const def = stageDefs[stage] as StageDef<unknown, unknown>;
        if (isPooled(stage) && this.config.stageThreads > 0)
          this.pool ??= new StagePool({
            threads: this.config.stageThreads,
            timeLimitMs: this.config.stageTimeLimitMs,
            logLevel: this.config.logLevel,
            limits: limitsOf(this.config),
          });
        return [createWorker(stageSpec(def, this.queues, this.context, this.pool), deps, opts)];
      }
    }
  }

  /** Graceful: workers finish their active jobs, then queues, sinks and Redis close. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.stopProbe?.();
      await Promise.all(this.workers.map((w) => w.close()));
      await this.pool?.close();
      await this.queues.close();
      await Promise.all(this.sinks.map((s) => s.close()));
      await this.connection.quit().catch(() => this.connection.disconnect());
    })();
    return this.closing;
  }
}
