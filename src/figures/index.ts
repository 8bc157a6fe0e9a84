import type { Figure, Segment } from '../schemas/record.js';

/** Finds every figure in `text` (GUIDELINES.md) and ties each to the segment it falls in. */
export function extractFigures(text: string, segments: Segment[]): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(/€\s?(\d+(?:\.\d+)?) (million|billion)/g)) {
    const start = m.index;
    const end = start + m[0].length;
    const scale = m[2] === 'billion' ? 1e9 : 1e6;
    out.push({
      id: `f${out.length + 1}`,
      kind: 'money',
      value: Number(m[1]) * scale,
      valueMax: null,
      unit: 'EUR',
      approx: null,
      item: null,
      text: m[0],
      start,
      end,
      segment: segments.find((s) => s.start <= start && end <= s.end)?.id ?? null,
    });
  }
  return out;
}
