import { markup, type SafeHtml } from '../html.js';
import type { Figure, PressRecord } from '../../schemas/record.js';

const figureTitle = (f: Figure): string =>
  [
    f.kind,
    f.approx,
    f.valueMax !== null ? `${f.value}–${f.valueMax}` : String(f.value),
    f.unit,
    f.item && `(${f.item})`,
  ]
    .filter(Boolean)
    .join(' ');

/** `text[start, end)` with the figures inside it marked; figures that overlap an earlier one are left unmarked. */
function withFigures(text: string, start: number, end: number, figures: readonly Figure[]): SafeHtml {
  const parts: SafeHtml[] = [];
  let at = start;
  for (const f of figures) {
    if (f.start < at || f.end > end || f.start >= f.end) continue;
    parts.push(
      markup`${text.slice(at, f.start)}<mark class="fig fig-${f.kind}" data-figure="${f.id}" title="${figureTitle(f)}">${text.slice(f.start, f.end)}</mark>`,
    );
    at = f.end;
  }
  parts.push(markup`${text.slice(at, end)}`);
  return markup`${parts}`;
}

/**
 * The record's text with each segment shown as a block (its kind and speaker above it)
 * and each figure marked in place. Text outside every segment is shown muted. All text is escaped.
 */
export function recordText(record: PressRecord): SafeHtml {
  const { text } = record;
  const figures = [...record.figures].sort((a, b) => a.start - b.start);
  const segments = [...record.segments].sort((a, b) => a.start - b.start);
  const blocks: SafeHtml[] = [];
  let at = 0;
  const gap = (to: number) => {
    // Whitespace around the text between segments would only show as blank lines.
    let from = at;
    while (from < to && /\s/.test(text[from]!)) from += 1;
    let end = to;
    while (end > from && /\s/.test(text[end - 1]!)) end -= 1;
    if (end > from) blocks.push(markup`<div class="gap">${withFigures(text, from, end, figures)}</div>`);
  };
  for (const s of segments) {
    if (s.start < at || s.end > text.length) continue;
    gap(s.start);
    blocks.push(
      markup`<div class="seg ${s.kind}" data-segment="${s.id}"><span class="who">${s.kind}${s.speaker ? markup` · ${s.speaker}` : ''}</span><p>${withFigures(text, s.start, s.end, figures)}</p></div>`,
    );
    at = s.end;
  }
  gap(text.length);
  return markup`<div class="text">${blocks}</div>`;
}
