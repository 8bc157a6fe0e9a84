import type { DeliverJob, PublishJob } from '../schemas/jobs.js';

/** Publish stage: one delivery per configured sink, so a failing sink never holds up the others. Pure. */
export function publish(job: PublishJob, sinks: readonly string[]): DeliverJob[] {
  return sinks.map((sink) => ({ sink, record: job.record }));
}
