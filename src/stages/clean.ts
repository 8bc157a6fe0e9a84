import { extract } from '../extract/index.js';
import type { ExtractLimits } from '../extract/limits.js';
import type { CleanJob, SegmentJob } from '../schemas/jobs.js';

/** Clean stage: fetched body → clean text and metadata. Pure. */
export function clean(job: CleanJob, limits?: ExtractLimits): { output: SegmentJob; warnings: string[] } {
  const { site, extractor, text, meta, warnings } = extract({
    body: job.body,
    contentType: job.source.contentType,
    url: job.source.url,
    site: job.source.site === 'generic' ? undefined : job.source.site,
    ...(limits ? { limits } : {}),
  });
  return {
    output: {
      docId: job.docId,
      traceId: job.traceId,
      stages: job.stages,
      source: { ...job.source, site },
      extractor,
      meta,
      text,
    },
    warnings,
  };
}
