import { z } from 'zod';
import { RecordChange } from './change.js';

/** The record's schema version: bumped on any breaking change (CONTRACT.md). */
export const SCHEMA_VERSION = 1 as const;

/** The site adapters Pressline knows; `generic` is any other site or a local file. */
export const Site = z.enum(['eeas', 'ec-presscorner', 'consilium', 'ecb', 'generic']);
export type Site = z.infer<typeof Site>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const isoDateTime = z.iso.datetime();

export const Source = z.object({
  url: z.url().nullable(),
  path: z.string().nullable(),
  site: Site,
  fetchedAt: isoDateTime,
  contentType: z.string(),
  rawSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Source = z.infer<typeof Source>;

export const Speaker = z.object({ name: z.string().min(1), role: z.string().nullable() });
export type Speaker = z.infer<typeof Speaker>;

export const Meta = z.object({
  title: z.string().nullable(),
  date: isoDate.nullable(),
  place: z.string().nullable(),
  speakers: z.array(Speaker),
  event: z.string().nullable(),
  language: z.string().regex(/^[a-z]{2}$/, 'expected an ISO 639-1 code'),
  videoUrl: z.string().nullable(),
  checkAgainstDelivery: z.boolean(),
});
export type Meta = z.infer<typeof Meta>;

export const SegmentKind = z.enum(['remarks', 'question', 'answer', 'moderator', 'other']);
export type SegmentKind = z.infer<typeof SegmentKind>;

const span = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), text: z.string() };

export const Segment = z.object({
  id: z.string(),
  kind: SegmentKind,
  speaker: z.string().nullable(),
  ...span,
  /** On a question: the journalist its label names, split into name and outlet (either may be null). */
  journalist: z.object({ name: z.string().nullable(), outlet: z.string().nullable() }).optional(),
});
export type Segment = z.infer<typeof Segment>;

export const Exchange = z.object({ question: z.string(), answers: z.array(z.string()) });
export type Exchange = z.infer<typeof Exchange>;

/** Figure kinds Pressline emits today; consumers must ignore kinds they do not know. */
export const FigureKind = z.enum(['money', 'percent', 'count', 'fraction', 'ordinal']);
export type FigureKind = z.infer<typeof FigureKind>;

export const Approx = z.enum(['over', 'under', 'about']);
export type Approx = z.infer<typeof Approx>;

export const Figure = z.object({
  id: z.string(),
  kind: FigureKind,
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string().nullable(),
  approx: Approx.nullable(),
  item: z.string().nullable(),
  ...span,
  segment: z.string().nullable(),
});
export type Figure = z.infer<typeof Figure>;

export const Pipeline = z.object({
  version: z.string(),
  traceId: z.string(),
  /** Which extractor produced `text` and `meta`: a site adapter, `generic-html` or `plain-text`. */
  extractor: z.string().optional(),
  /** When each stage finished, by stage name. */
  stages: z.record(z.string(), isoDateTime),
});
export type Pipeline = z.infer<typeof Pipeline>;

/** The published record: the promise to everyone downstream (see docs/record.md). */
export const PressRecord = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    id: z.string().min(1),
    version: z.string().regex(/^[0-9a-f]{64}$/),
    source: Source,
    meta: Meta,
    text: z.string(),
    segments: z.array(Segment),
    exchanges: z.array(Exchange),
    figures: z.array(Figure),
    pipeline: Pipeline,
    /** Other records that are the same remarks (mirrors, copies), the canonical one first. */
    sameAs: z.array(z.string().min(1)).optional(),
    /** What changed since the previous version of this record; absent on a first version. */
    changes: RecordChange.optional(),
  })
  .superRefine((rec, ctx) => {
    const check = (path: (string | number)[], item: { start: number; end: number; text: string }) => {
      if (rec.text.slice(item.start, item.end) !== item.text)
        ctx.addIssue({
          code: 'custom',
          path,
          message: `text.slice(${item.start}, ${item.end}) differs from its text`,
        });
    };
    rec.segments.forEach((s, i) => check(['segments', i], s));
    rec.figures.forEach((f, i) => check(['figures', i], f));
  });
export type PressRecord = z.infer<typeof PressRecord>;
