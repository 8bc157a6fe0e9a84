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

/** Says a delivery failed because the archive did not answer (not because it refused the record). */
const UNREACHED =
  /not answer|not accept connections|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN/;

/** Whether a waiting delivery failed because nothing answered: one now answering can take it. */
async function waitsForAnAnswer(queue: Queue): Promise<boolean> {
  return (await queue.getDelayed(0, 9)).some((j) => j && UNREACHED.test(j.failedReason ?? ''));
}

/**
 * Watches the sinks that have deliveries waiting for a retry: when one that did not answer
 * answers again, its waiting deliveries go out at once instead of after their backoff (up
 * to DELIVER_MAX_BACKOFF_MS, 15 min). "Did not answer" is what the probe saw (the sink's
 * `check()` failed at an earlier look) or what the deliveries failed with (a refused
 * connection, a timeout). A sink that answers but refuses deliveries (a 503, bad data)
 * keeps its backoff. Returns a stopper.
 */
export function startDeliveryProbe(opts: {
  sinks: readonly ProbedSink[];
  queue: (name: string) => Queue;
  log: Logger;
  intervalMs?: number;
}): () => void {
  const down = new Map<string, boolean>();
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
        if (answers && (down.get(sink.name) || (await waitsForAnAnswer(queue)))) {
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
