import type { MetaChange } from '../schemas/change.js';
import type { Meta } from '../schemas/record.js';
import { foldTypography } from './typography.js';

const FIELDS = [
  'title',
  'date',
  'place',
  'event',
  'speakers',
  'language',
  'videoUrl',
  'checkAgainstDelivery',
] as const;

/** A value as compared: strings typography-folded, speakers as their names and roles. */
const comparable = (v: unknown): string =>
  typeof v === 'string' ? foldTypography(v) : JSON.stringify(v ?? null);

/** The metadata fields whose values differ (typography-only edits of a title or place are not). */
export function diffMeta(before: Meta, after: Meta): MetaChange[] {
  return FIELDS.filter((f) => comparable(before[f]) !== comparable(after[f])).map((field) => ({
    field,
    before: before[field],
    after: after[field],
  }));
}
