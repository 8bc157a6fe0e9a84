import { diffArrays } from 'diff';
import type { ParagraphChange, WordPart } from '../schemas/change.js';
import { align } from './pair.js';
import { foldTypography, wordSimilarity } from './typography.js';

/** The paragraphs of a record's text (CONTRACT: separated by one blank line). */
export const paragraphsOf = (text: string): string[] =>
  text
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);

/** Two paragraphs are one edited paragraph when they share at least this share of their words. */
const SAME_PARAGRAPH = 0.5;

const tokens = (text: string): string[] => text.split(/(\s+)/).filter((t) => t.length > 0);

/**
 * The word-level diff of two versions of a paragraph: runs of words kept, added, removed. A
 * word is what lies between spaces, so `€1.5` → `€1.2` is one word replaced, as a reader sees it.
 */
export function diffWords(before: string, after: string): WordPart[] {
  const parts: WordPart[] = [];
  for (const p of diffArrays(tokens(before), tokens(after))) {
    const op = p.added ? 'added' : p.removed ? 'removed' : 'same';
    const text = p.value.join('');
    const last = parts[parts.length - 1];
    if (last?.op === op) last.text += text;
    else parts.push({ op, text });
  }
  return parts;
}

/**
 * The paragraphs added, removed and changed between two texts: paragraphs are aligned with the
 * `diff` library; a removed and an added paragraph that share half their words are one changed
 * paragraph, with its word-level diff. Paragraphs equal once typography is folded count as changed
 * (typographic), so a reader sees the edit, but no more.
 */
export function diffText(before: string, after: string): ParagraphChange[] {
  const changes: ParagraphChange[] = [];
  const steps = align(
    paragraphsOf(before),
    paragraphsOf(after),
    (a, b) => a === b,
    (a, b) => foldTypography(a) === foldTypography(b) || wordSimilarity(a, b) >= SAME_PARAGRAPH,
  );
  for (const s of steps) {
    if (s.op === 'removed')
      changes.push({
        op: 'removed',
        before: s.i,
        after: null,
        parts: [{ op: 'removed', text: s.before }],
        typographic: false,
      });
    else if (s.op === 'added')
      changes.push({
        op: 'added',
        before: null,
        after: s.j,
        parts: [{ op: 'added', text: s.after }],
        typographic: false,
      });
    else if (s.op === 'changed')
      changes.push({
        op: 'changed',
        before: s.i,
        after: s.j,
        parts: diffWords(s.before, s.after),
        typographic: foldTypography(s.before) === foldTypography(s.after),
      });
  }
  return changes;
}
