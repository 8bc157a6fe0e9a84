import type { App } from '../app.js';
import { jobIdFor } from '../ids.js';
import type { DocState } from '../store/doc-status.js';
import { PressRecord } from '../schemas/record.js';

/**
 * The latest record of a document, read from its publish job (`jobIdFor('publish', docId,
 * traceId)`): the record travels in that job's data and the job is kept while the queue
 * keeps completed jobs (KEEP_COMPLETED). Null when there is none, or it no longer parses.
 */
export async function latestRecord(app: App, doc: DocState): Promise<PressRecord | null> {
  if (!doc.traceId) return null;
  const job = await app.queues.get('publish').getJob(jobIdFor('publish', doc.docId, doc.traceId));
  const parsed = PressRecord.safeParse((job?.data as { record?: unknown } | undefined)?.record);
  return parsed.success ? parsed.data : null;
}
