import { parseOrThrow } from '../errors.js';
import { jobIdFor } from '../ids.js';
import type { EnqueueOutcome, Input } from '../inputs.js';
import { FetchJob } from '../schemas/jobs.js';
import type { DocStatus } from '../store/doc-status.js';
import type { Queues } from './queues.js';

/**
 * Queues a document for the fetch stage. The job id is derived from the document and its
 * variant (content hash, URL or source version), so one document is never processed twice
 * at once. A finished job with the same id means the same input was ingested already;
 * `force` runs it again (a URL whose page may have changed), and a failed one is retried.
 */
export async function enqueueFetch(
  queues: Queues,
  status: DocStatus,
  input: Input,
  opts: { force?: boolean } = {},
): Promise<EnqueueOutcome> {
  const job = parseOrThrow(FetchJob, input.job, 'fetch job', input.label);
  const jobId = jobIdFor('fetch', job.docId, input.variant);
  const queue = queues.get('fetch');
  const existing = await queue.getJob(jobId);
  if (existing) {
    const state = await existing.getState();
    if (state === 'failed') {
      await status.queued(job.docId, { traceId: existing.data.traceId, label: input.label });
      await existing.retry();
      return 'retried';
    }
    if (state !== 'completed') return 'in-progress';
    if (!opts.force) return 'unchanged';
    await existing.remove();
  }
  await status.queued(job.docId, { traceId: job.traceId, label: input.label });
  await queue.add('fetch', job, { jobId });
  return 'queued';
}
