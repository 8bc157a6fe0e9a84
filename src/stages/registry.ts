import type { z } from 'zod';
import type { ExtractLimits } from '../extract/limits.js';
import type { Logger } from '../logger.js';
import { CleanJob, FetchJob, FiguresJob, PublishJob, SegmentJob } from '../schemas/jobs.js';
import { clean } from './clean.js';
import type { DocumentStage } from './names.js';
import { fetchDocument, type FetchDeps } from './fetch.js';
import { figures } from './figures.js';
import { segment } from './segment.js';

export interface StageContext {
  fetch: FetchDeps;
  /** The clean stage's caps (HTML_MAX_CHARS, …); the defaults when unset. */
  limits?: ExtractLimits;
  log: Logger;
}

/** One stage: the schema of what it takes, the schema of what it emits, and its pure step. */
export interface StageDef<I, O> {
  name: DocumentStage;
  input: z.ZodType<I>;
  output: z.ZodType<O>;
  /** The stage whose queue receives the output. */
  next: DocumentStage;
  /** The stage's step; `null` means nothing goes further (an unchanged page answered 304). */
  run(input: I, ctx: StageContext): Promise<O | null> | O | null;
}

const def = <I, O>(d: StageDef<I, O>): StageDef<I, O> => d;

/** Every stage before publish, by name; workers and `pressline process` both run these. */
export const stageDefs = {
  fetch: def({
    name: 'fetch',
    input: FetchJob,
    output: CleanJob,
    next: 'clean',
    run: (j, ctx) => fetchDocument(j, { ...ctx.fetch, log: ctx.log }),
  }),
  clean: def({
    name: 'clean',
    input: CleanJob,
    output: SegmentJob,
    next: 'segment',
    run: (j, ctx) => {
      const { output, warnings } = clean(j, ctx.limits);
      for (const warning of warnings)
        ctx.log.warn({ warning, extractor: output.extractor }, 'extractor warning');
      return output;
    },
  }),
  segment: def({
    name: 'segment',
    input: SegmentJob,
    output: FiguresJob,
    next: 'figures',
    run: (j) => segment(j),
  }),
  figures: def({
    name: 'figures',
    input: FiguresJob,
    output: PublishJob,
    next: 'publish',
    run: (j) => figures(j),
  }),
} as const;

/** Records when a stage finished, in the job (or the record) it emits. */
export function stamp(output: unknown, stage: string, at: Date): void {
  const o = output as {
    stages?: Record<string, string>;
    record?: { pipeline: { stages: Record<string, string> } };
  };
  const stages = o.record ? o.record.pipeline.stages : o.stages;
  if (stages) stages[stage] = at.toISOString();
}
