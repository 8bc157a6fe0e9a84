import { z } from 'zod';
import { Exchange, Meta, PressRecord, Segment, Site, Source } from './record.js';

/** What every job between stages carries, so logs and the dashboard can follow one document. */
const Envelope = z.object({
  docId: z.string().min(1),
  traceId: z.string().min(1),
  /** When each stage finished so far, by stage name. */
  stages: z.record(z.string(), z.iso.datetime()).default({}),
});

/** A document to fetch: a URL, or a local file's bytes read by the command that enqueued it. */
export const FetchTarget = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('url'),
    url: z.url(),
    site: Site.optional(),
    /** The discovery source that found it, for politeness settings and health. */
    source: z.string().optional(),
    /** The version discovery saw (lastmod, pubDate, hash): part of the job id, so a changed page is fetched again. */
    variant: z.string().optional(),
    /** Validators to send (conditional GET); by default those of the stored snapshot. */
    etag: z.string().optional(),
    lastModified: z.string().optional(),
  }),
  z.object({
    kind: z.literal('inline'),
    path: z.string().nullable(),
    url: z.url().nullable().default(null),
    contentType: z.string(),
    /** The document's bytes, base64: it travels in the job so any host can process it. */
    bodyBase64: z.string(),
    site: Site.optional(),
  }),
]);
export type FetchTarget = z.infer<typeof FetchTarget>;

export const FetchJob = Envelope.extend({ target: FetchTarget });
export type FetchJob = z.infer<typeof FetchJob>;

/** Fetched bytes, decoded to text, with where they came from. */
export const CleanJob = Envelope.extend({ source: Source, body: z.string() });
export type CleanJob = z.infer<typeof CleanJob>;

export const SegmentJob = Envelope.extend({
  source: Source,
  extractor: z.string(),
  meta: Meta,
  text: z.string(),
});
export type SegmentJob = z.infer<typeof SegmentJob>;

export const FiguresJob = SegmentJob.extend({ segments: z.array(Segment), exchanges: z.array(Exchange) });
export type FiguresJob = z.infer<typeof FiguresJob>;

export const PublishJob = z.object({ record: PressRecord });
export type PublishJob = z.infer<typeof PublishJob>;

/** One record for one sink: publish fans out one such job per configured sink. */
export const DeliverJob = z.object({ sink: z.string(), record: PressRecord });
export type DeliverJob = z.infer<typeof DeliverJob>;

/** The document a job is about, read from its unparsed data: stage jobs carry `docId`, deliveries a record. */
export function docIdOf(data: unknown): string | undefined {
  const d = data as { docId?: unknown; record?: { id?: unknown } } | null;
  const id = d?.docId ?? d?.record?.id;
  return typeof id === 'string' ? id : undefined;
}
