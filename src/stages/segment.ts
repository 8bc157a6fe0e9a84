import type { FiguresJob, SegmentJob } from '../schemas/jobs.js';
import { segmentTranscript } from '../segment/index.js';

/** Segment stage: clean text → remarks, questions and answers, with exchanges. Pure. */
export function segment(job: SegmentJob): FiguresJob {
  const { segments, exchanges } = segmentTranscript(job.text, job.meta);
  return { ...job, segments, exchanges };
}
