import type { FiguresJob, SegmentJob } from '../schemas/jobs.js';
import { segmentTranscript } from '../segment/index.js';
import { journalistOfQuestion } from '../segment/journalist.js';

/** Segment stage: clean text → remarks, questions and answers, with exchanges; adds the officials the turns name to `meta.speakers`, and to each question the journalist its label names. Pure. */
export function segment(job: SegmentJob): FiguresJob {
  const { segments, exchanges, speakers } = segmentTranscript(job.text, job.meta);
  const withJournalists = segments.map((s, i) => {
    const before = job.text.slice(segments[i - 1]?.end ?? 0, s.start);
    const journalist = s.kind === 'question' ? journalistOfQuestion(s.speaker, before) : null;
    return journalist ? { ...s, journalist } : s;
  });
  return { ...job, meta: { ...job.meta, speakers }, segments: withJournalists, exchanges };
}
