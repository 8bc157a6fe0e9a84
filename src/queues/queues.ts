import { Queue, type JobsOptions } from 'bullmq';
import type { RedisClient } from '../store/connection.js';
import type { Config } from '../config.js';
import { deliverJobOptions } from './retry-policy.js';
import { DOCUMENT_STAGES, QUEUE_STAGES } from '../stages/names.js';
import { bullPrefix } from '../store/keys.js';
import { deliverQueue } from './names.js';

/** Retries with exponential backoff and bounded retention of finished jobs. */
export function defaultJobOptions(config: Config): JobsOptions {
  return {
    attempts: config.attempts,
    backoff: { type: 'exponential', delay: config.backoffMs },
    removeOnComplete: { count: config.keepCompleted },
    removeOnFail: { count: config.keepFailed },
  };
}

/** All queues of one pipeline: the stage queues and one delivery queue per sink. */
export class Queues {
  readonly byName = new Map<string, Queue>();

  constructor(
    readonly connection: RedisClient,
    readonly config: Config,
    readonly sinks: readonly string[],
  ) {
    for (const name of QUEUE_STAGES) {
      this.byName.set(
        name,
        new Queue(name, {
          connection,
          prefix: bullPrefix(config, name),
          defaultJobOptions: defaultJobOptions(config),
        }),
      );
    }
    // Deliveries retry for hours on a capped backoff: an archive that is down loses nothing.
    for (const name of sinks.map(deliverQueue)) {
      this.byName.set(
        name,
        new Queue(name, {
          connection,
          prefix: bullPrefix(config, name),
          defaultJobOptions: deliverJobOptions(config),
        }),
      );
    }
  }

  get(name: string): Queue {
    const q = this.byName.get(name);
    if (!q) throw new Error(`unknown queue ${name}`);
    return q;
  }

  /** The queues a document passes through, in order: its stages, then one delivery per sink. */
  documentQueues(): string[] {
    return [...DOCUMENT_STAGES, ...this.sinks.map(deliverQueue)];
  }

  all(): Queue[] {
    return [...this.byName.values()];
  }

  async close(): Promise<void> {
    await Promise.all(this.all().map((q) => q.close()));
  }
}
