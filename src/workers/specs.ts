import { DeliverJob, docIdOf, PublishJob } from '../schemas/jobs.js';
import { jobIdFor } from '../ids.js';
import { sinkDeliveries } from '../metrics.js';
import type { DocStatus } from '../store/doc-status.js';
import { deliverQueue } from '../queues/names.js';
import type { Queues } from '../queues/queues.js';
import type { Sink } from '../sinks/types.js';
import { annotate, type AnnotateDeps } from '../stages/annotate.js';
import { publish } from '../stages/publish.js';
import { stamp, type StageContext, type StageDef } from '../stages/registry.js';
import type { Logger } from '../logger.js';
import type { WorkerSpec } from './worker.js';
import { isPooled, type StagePool } from '../stages/stage-pool.js';
import type { Job } from 'bullmq';

/**
 * A processing stage as a worker: run the stage, queue its output for the next stage, whose
 * worker checks it on arrival. With a `pool`, a pure stage runs in a thread, which checks the
 * job on arrival and the output.
 */
export function stageSpec<I, O>(
  def: StageDef<I, O>,
  queues: Queues,
  context: (log: Logger) => StageContext,
  pool?: StagePool | null,
): WorkerSpec<I> {
  const threaded = pool && isPooled(def.name) ? { pool, stage: def.name } : null;
  // The output is not parsed here: the next stage's worker parses it on arrival (a schema
  // failure there fails that job without retry, naming each bad path); parsing the same
  // object on both sides of a hop doubled the schema work.
  const run = async (input: I, job: Job, log: Logger): Promise<O | null> => {
    if (threaded)
      return (await threaded.pool.run(threaded.stage, input, `queue ${def.name}, job ${job.id}`, log)) as O;
    return def.run(input, context(log));
  };
  return {
    queue: def.name,
    stage: def.name,
    input: threaded ? null : def.input,
    docIdOf,
    async handle(input, job, log) {
      const output = await run(input, job, log);
      if (output === null) {
        log.info('nothing new: the document goes no further');
        return { unchanged: true };
      }
      stamp(output, def.name, new Date());
      // The job's data, validated on arrival (here, or in the stage thread before it ran).
      const env = input as { docId: string; traceId: string };
      // The trace makes the id deterministic for a retry of this job, and new for a new ingestion.
      await queues.get(def.next).add(def.next, output, { jobId: jobIdFor(def.next, env.docId, env.traceId) });
      const title = (output as { meta?: { title?: string | null } }).meta?.title ?? undefined;
      return { title };
    },
  };
}

/** Publish: one delivery job per sink and record version, so sinks fail and retry independently. */
export function publishSpec(
  queues: Queues,
  status: DocStatus,
  annotateDeps?: AnnotateDeps,
): WorkerSpec<PublishJob> {
  return {
    queue: 'publish',
    stage: 'publish',
    input: PublishJob,
    docIdOf,
    async handle(input) {
      // Each sink gets the record with what changed since its previous version, and its copies.
      const record = annotateDeps ? await annotate(input.record, annotateDeps) : input.record;
      const deliveries = publish({ record }, queues.sinks);
      await status.expectSinks(record.id, queues.sinks);
      for (const d of deliveries) {
        const job = await queues
          .get(deliverQueue(d.sink))
          .add(d.sink, d, { jobId: jobIdFor(deliverQueue(d.sink), record.id, record.version) });
        // The same version delivered before: nothing new will run, so count it as delivered now.
        if (await job.isCompleted()) await status.delivered(record.id, d.sink);
      }
      return { title: record.meta.title ?? undefined };
    },
  };
}

/** Delivery of one record to one sink; idempotent on (id, version). */
export function deliverSpec(sink: Sink): WorkerSpec<DeliverJob> {
  return {
    queue: deliverQueue(sink.name),
    stage: deliverQueue(sink.name),
    input: DeliverJob,
    docIdOf,
    async handle({ record }, _job, log) {
      try {
        const outcome = await sink.deliver(record);
        sinkDeliveries.inc({ sink: sink.name, outcome });
        log.debug({ sink: sink.name, outcome, version: record.version }, 'record delivered');
      } catch (err) {
        sinkDeliveries.inc({ sink: sink.name, outcome: 'failed' });
        throw err;
      }
      // Counted in the stage's one status write, with its outcome; the worker logs the document published.
      return { delivered: sink.name, title: record.meta.title ?? undefined };
    },
  };
}
