import { z } from 'zod';

/** A run of words in a changed paragraph: kept, added or removed (a word-level diff). */
export const WordPart = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });
export type WordPart = z.infer<typeof WordPart>;

/**
 * One paragraph that differs between two versions. `changed` carries the word-level diff;
 * `typographic` is true when only quotes, dashes, spaces or similar differ.
 */
export const ParagraphChange = z.object({
  op: z.enum(['added', 'removed', 'changed']),
  /** The paragraph's index in the previous version (removed, changed) or null. */
  before: z.number().int().nonnegative().nullable(),
  /** The paragraph's index in the new version (added, changed) or null. */
  after: z.number().int().nonnegative().nullable(),
  parts: z.array(WordPart),
  typographic: z.boolean(),
});
export type ParagraphChange = z.infer<typeof ParagraphChange>;

/** What a change shows of a figure. */
export const FigureRef = z.object({
  kind: z.string(),
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string().nullable(),
  item: z.string().nullable(),
  text: z.string(),
});
export type FigureRef = z.infer<typeof FigureRef>;

/** A figure added, removed, or whose value changed (matched by position and item). */
export const FigureChange = z.object({
  op: z.enum(['added', 'removed', 'changed']),
  before: FigureRef.nullable(),
  after: FigureRef.nullable(),
});
export type FigureChange = z.infer<typeof FigureChange>;

/** A Q&A exchange added, removed, or whose question was reworded. */
export const ExchangeChange = z.object({
  op: z.enum(['added', 'removed', 'changed']),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type ExchangeChange = z.infer<typeof ExchangeChange>;

/** A metadata field that differs (`title`, `date`, `speakers`, …), with both values. */
export const MetaChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type MetaChange = z.infer<typeof MetaChange>;

/**
 * What changed since the previous version of the same record (docs/versions-and-mirrors.md).
 * `significant` when a figure changed, appeared or went, or a question was removed; `reasons`
 * says which, in words. Typography and whitespace alone are never significant.
 */
export const RecordChange = z.object({
  /** The previous version (sha256 of its text). */
  from: z.string().regex(/^[0-9a-f]{64}$/),
  significant: z.boolean(),
  reasons: z.array(z.string()),
  text: z.array(ParagraphChange),
  figures: z.array(FigureChange),
  exchanges: z.array(ExchangeChange),
  meta: z.array(MetaChange),
  /**
   * Set when the new version changes the title or the date: it may be another document under
   * the same id (a collision), not an edit. Shown on the dashboard's document page.
   */
  warning: z.string().nullable().optional(),
});
export type RecordChange = z.infer<typeof RecordChange>;
