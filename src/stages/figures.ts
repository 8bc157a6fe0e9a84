import { createHash } from 'node:crypto';
import { extractFigures } from '../figures/index.js';
import type { FiguresJob, PublishJob } from '../schemas/jobs.js';
import { SCHEMA_VERSION } from '../schemas/record.js';
import { PIPELINE_VERSION } from '../version.js';

/** Figures stage: segmented text → the complete record, ready to publish. Pure. */
export function figures(job: FiguresJob): PublishJob {
  return {
    record: {
      schemaVersion: SCHEMA_VERSION,
      id: job.docId,
      version: createHash('sha256').update(job.text).digest('hex'),
      source: job.source,
      meta: job.meta,
      text: job.text,
      segments: job.segments,
      exchanges: job.exchanges,
      figures: extractFigures(job.text, job.segments),
      pipeline: {
        version: PIPELINE_VERSION,
        traceId: job.traceId,
        extractor: job.extractor,
        stages: job.stages,
      },
    },
  };
}
