import { parseOrThrow } from './errors.js';
import type { FetchJob } from './schemas/jobs.js';
import { PressRecord } from './schemas/record.js';
import { stageDefs, stamp, type StageContext, type StageDef } from './stages/registry.js';

/**
 * Runs every stage in this process, without Redis, parsing each stage's input (the previous
 * stage's output) as the workers do: the record it returns equals what the queued pipeline publishes
 * (`null` when a stage lets nothing through, as for a page that has not changed).
 */
export async function runLocal(job: FetchJob, ctx: StageContext): Promise<PressRecord | null> {
  let data: unknown = job;
  for (const d of Object.values(stageDefs) as StageDef<unknown, unknown>[]) {
    const input = parseOrThrow(d.input, data, `${d.name} input`, job.docId);
    const result = await d.run(input, ctx);
    if (result === null) return null;
    stamp(result, d.name, ctx.fetch.now());
    data = result;
  }
  return parseOrThrow(PressRecord, (data as { record: unknown }).record, 'record', job.docId);
}
