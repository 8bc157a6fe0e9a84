import type { Figure, Segment } from '../schemas/record.js';
import { findFigures } from './extract.js';
import { tokenize } from './tokenize.js';

/**
 * Finds every figure in `text` (money, percent, count, fraction, ordinal; see the corpus
 * GUIDELINES.md) and ties each to the segment it falls in. One linear pass: the text is
 * tokenised once and each token is tried against a bounded window, so the cost grows with
 * the length of the text and nothing else. `text.slice(f.start, f.end) === f.text` holds
 * for every figure.
 */
export function extractFigures(text: string, segments: Segment[]): Figure[] {
  const tokens = tokenize(text);
  const found = findFigures(tokens);
  const segs = [...segments].sort((a, b) => a.start - b.start);
  const out: Figure[] = [];
  let s = 0;
  for (const f of found) {
    let start = tokens[f.start]!.start;
    let end = tokens[f.end - 1]!.end;
    // editorial brackets are dropped by the tokenizer: take a bracket back in when the span opens or closes one
    const span = text.slice(start, end);
    if (countChar(span, ']') > countChar(span, '[') && text[start - 1] === '[') start--;
    else if (countChar(span, '[') > countChar(span, ']') && text[end] === ']') end++;
    while (s < segs.length && segs[s]!.end <= start) s++;
    const seg = segs[s];
    out.push({
      id: `f${out.length + 1}`,
      kind: f.kind,
      value: f.value,
      valueMax: f.valueMax,
      unit: f.unit,
      approx: f.approx,
      item: f.item,
      text: text.slice(start, end),
      start,
      end,
      segment: seg && seg.start <= start ? seg.id : null,
    });
  }
  return out;
}

function countChar(s: string, c: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === c) n++;
  return n;
}
