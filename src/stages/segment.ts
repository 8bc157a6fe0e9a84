import type { FiguresJob, SegmentJob } from '../schemas/jobs.js';
import { segmentTranscript } from '../segment/index.js';

/** Segment stage: clean text → remarks, questions and answers, with exchanges; adds the officials the turns name to `meta.speakers`. Pure. */
export function segment(job: SegmentJob): FiguresJob {
  const { segments, exchanges, speakers } = segmentTranscript(job.text, job.meta);
  return { ...job, meta: { ...job.meta, speakers }, segments, exchanges };
}
