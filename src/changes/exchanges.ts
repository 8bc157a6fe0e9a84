import type { ExchangeChange } from '../schemas/change.js';
import type { PressRecord } from '../schemas/record.js';
import { align } from './pair.js';
import { foldTypography, wordSimilarity } from './typography.js';

/** The question of each exchange, in order. */
export function questionsOf(record: Pick<PressRecord, 'segments' | 'exchanges'>): string[] {
  const byId = new Map(record.segments.map((s) => [s.id, s.text]));
  return record.exchanges.map((e) => byId.get(e.question) ?? '');
}

/** A question reworded keeps at least this share of its words; below it, one was removed and another added. */
const SAME_QUESTION = 0.5;

/**
 * Q&A exchanges added, removed or reworded, by their questions: aligned in order, a question
 * equal once typography is folded is the same exchange; one that keeps half its words is reworded.
 */
export function diffExchanges(
  before: Pick<PressRecord, 'segments' | 'exchanges'>,
  after: Pick<PressRecord, 'segments' | 'exchanges'>,
): ExchangeChange[] {
  const changes: ExchangeChange[] = [];
  const steps = align(
    questionsOf(before),
    questionsOf(after),
    (a, b) => foldTypography(a) === foldTypography(b),
    (a, b) => wordSimilarity(a, b) >= SAME_QUESTION,
  );
  for (const s of steps) {
    if (s.op === 'removed') changes.push({ op: 'removed', before: s.before, after: null });
    else if (s.op === 'added') changes.push({ op: 'added', before: null, after: s.after });
    else if (s.op === 'changed') changes.push({ op: 'changed', before: s.before, after: s.after });
  }
  return changes;
}
