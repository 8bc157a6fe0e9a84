import type { Job } from 'bullmq';
import type { App } from '../app.js';
import { PermanentError } from '../errors.js';
import { docIdOf } from '../schemas/jobs.js';
import type { StageState } from '../store/doc-status.js';

/**
 * Sends one failed job back to its queue. The document's status is marked first (stage
 * `retrying`, document `queued`) so a worker that takes the job at once overwrites it
 * with `active`, never the other way round; the status is restored if the retry fails.
 */
async function retryJob(
  app: App,
  stage: string,
  job: Job,
  docId: string,
  previous?: StageState,
): Promise<void> {
  await app.status.retrying(docId, stage, job.id!);
  try {
    await job.retry('failed');
  } catch (err) {
    if (previous) await app.status.stage(docId, stage, previous);
    throw err;
  }
}

/**
 * Retries a failed document: the failed job of `stage`, or of every stage that failed.
 * Resolves to the stages retried; throws a PermanentError when there is nothing to retry.
 */
export async function retryDocument(app: App, docId: string, stage?: string): Promise<string[]> {
  const doc = await app.status.get(docId);
  if (!doc) throw new PermanentError('ERR_DOC_UNKNOWN', `No document ${docId} in the pipeline status`);
  const failed = Object.entries(doc.stages).filter(
    ([name, s]) => s.state === 'failed' && (!stage || name === stage),
  );
  if (!failed.length)
    throw new PermanentError(
      'ERR_NOT_FAILED',
      `${docId} has no failed stage${stage ? ` ${stage}` : ''} to retry`,
    );
  const retried: string[] = [];
  for (const [name, s] of failed) {
    const queue = app.queues.byName.get(name);
    const job = s.jobId && queue ? await queue.getJob(s.jobId) : undefined;
    if (!job)
      throw new PermanentError(
        'ERR_JOB_GONE',
        `The failed ${name} job of ${docId} is no longer in its queue; ingest the document again`,
      );
    if ((await job.getState()) !== 'failed') continue;
    await retryJob(app, name, job, docId, s);
    retried.push(name);
  }
  return retried;
}

/** Retries every failed job of one stage's queue, `batch` at a time; resolves to how many were retried. */
export async function retryStage(app: App, stage: string, batch = 100): Promise<number> {
  const queue = app.queues.byName.get(stage);
  if (!queue) throw new PermanentError('ERR_STAGE_UNKNOWN', `No queue named ${stage}`);
  // Counted first: a retried job that fails again at once must not be retried twice by one click.
  const total = await queue.getFailedCount();
  let count = 0;
  while (count < total) {
    const jobs = (await queue.getFailed(0, Math.min(batch, total - count) - 1)).filter(Boolean);
    if (!jobs.length) break;
    for (const job of jobs) {
      const docId = docIdOf(job.data);
      if (docId) await retryJob(app, stage, job, docId);
      else await job.retry('failed');
      count += 1;
    }
  }
  return count;
}
