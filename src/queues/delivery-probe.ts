import type { Queue } from 'bullmq';
import type { Logger } from '../logger.js';
import { deliverQueue } from './names.js';

/** A sink as the probe sees it: its name and whether it answers (throws when it does not). */
export interface ProbedSink {
  readonly name: string;
  check(): Promise<void>;
}

/**
 * Sends a sink's waiting deliveries (failed once, waiting out their backoff) to be tried
 * now; resolves to how many there were. The dashboard's "retry now" and the probe use it.
 */
export async function promoteDeliveries(queue: Queue): Promise<number> {
  const waiting = await queue.getDelayedCount();
  if (waiting) await queue.promoteJobs({ count: 500 });
  return waiting;
}

/**
 * Watches the sinks that have deliveries waiting for a retry: when one that did not answer
 * answers again (or answers at the first look after a start), its waiting deliveries go out
 * at once instead of after their backoff (up to DELIVER_MAX_BACKOFF_MS, 15 min). A sink that
 * answers but refuses deliveries is not promoted again until it has been seen down, so the
 * backoff still holds for it. Returns a stopper.
 */
export function startDeliveryProbe(opts: {
  sinks: readonly ProbedSink[];
  queue: (name: string) => Queue;
  log: Logger;
  intervalMs?: number;
}): () => void {
  // Unknown at start: a sink that answers at the first look has its waiting deliveries promoted.
  const down = new Map<string, boolean>(opts.sinks.map((s) => [s.name, true]));
  let busy = false;
  const probe = async () => {
    if (busy) return;
    busy = true;
    try {
      for (const sink of opts.sinks) {
        const queue = opts.queue(deliverQueue(sink.name));
        if (!(await queue.getDelayedCount())) {
          down.set(sink.name, false);
          continue;
        }
        let answers = true;
        try {
          await sink.check();
        } catch {
          answers = false;
        }
        if (answers && down.get(sink.name)) {
          const count = await promoteDeliveries(queue);
          opts.log.info({ sink: sink.name, count }, 'archive answers again: waiting deliveries sent now');
        }
        down.set(sink.name, !answers);
      }
    } catch (err) {
      opts.log.debug({ err }, 'delivery probe failed');
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void probe(), opts.intervalMs ?? 5000);
  timer.unref();
  void probe();
  return () => clearInterval(timer);
}
