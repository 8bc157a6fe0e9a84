import type { Speaker } from '../schemas/record.js';
import { cutAtCues, type Piece } from './cues.js';
import { readMarker, type Marker } from './markers.js';
import { paragraphs, sub } from './spans.js';

/** A paragraph (or a piece of one cut at a cue) with what its start says about the turn. */
export interface Item {
  p: Piece;
  m: Marker;
}

/** A person's name as a label: "Luis de Guindos", "Paschal Donohoe" (not "Middle East" after a question: rare). */
const FULL_NAME =
  /^\p{Lu}\p{Ll}+(?:\s+(?:(?:de|da|di|van|von|der|den|du|le|la)\s+)*\p{Lu}[\p{Ll}'’-]+){1,2}$/u;
const ROLE_WORD =
  /\b(?:president|vice[- ]president|minister|secretary|commissioner|high representative|hr\/vp|hrvp|chancellor|spokes(?:person|man|woman)|governor|director|ambassador|moderator|journalist|reporter|interviewer|speaker|chair|mr|mrs|ms|madam|président|präsident|ministre)\b/i;
const BYLINE_AFTER =
  /(?<!\s)\s*(?:[-–—]\s*)?\(?(?:Journalist(?:e|in)?|Question|Reporter)\s*\(([^)]{1,80})\)\)?\.?$/;
/** How every `BYLINE_AFTER` match ends: a cheap test before the costly one. */
const BYLINE_END = /\)\.?$/;
const ASKED_DE = /^([„“"][^„“"]{3,}\?[“”"])\s*,?\s*(?:fragt|fragte|wollte)\b[^.]{0,60}\.?$/;

/**
 * Questions marked after the fact: a `Journalist (Outlet)` line after the question (or at its
 * end), and German reported questions (`„…?“, fragt ein Journalist`).
 */
function markQuestionsAfter(items: Item[]): void {
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it.m.type !== 'none') continue;
    const b = BYLINE_END.test(it.p.text) ? BYLINE_AFTER.exec(it.p.text) : null;
    if (b && b.index === 0 && k > 0 && items[k - 1]!.m.type === 'none') {
      items[k - 1]!.m = { type: 'question', speaker: b[1]!, skip: 0 };
      it.m = { type: 'heading', speaker: null, skip: it.p.text.length };
      it.p = { ...it.p, cue: undefined };
      continue;
    }
    if (b && b.index > 0) {
      it.p = { ...sub(it.p, 0, b.index), cue: undefined };
      it.m = { type: 'question', speaker: b[1]!, skip: 0 };
      continue;
    }
    const d = ASKED_DE.exec(it.p.text);
    if (d) {
      it.p = { ...sub(it.p, 0, d[1]!.length), cue: undefined };
      it.m = { type: 'question', speaker: null, skip: 0 };
    }
  }
}

/** A paragraph that is only a marker or a label ("Question:", "President Lagarde:"): it opens the next one. */
const LONE = /^(?:Q|Question|QUESTION|Frage|FRAGE|A|Answer|ANSWER|Réponse|Antwort)\s*[.:]?$|^[^.?!]{2,80}:$/u;

function carryLoneMarkers(items: Item[]): void {
  for (let k = items.length - 2; k >= 0; k--) {
    const it = items[k]!;
    const next = items[k + 1]!;
    if (it.m.type !== 'none' || next.m.type !== 'none' || next.p.cue || !LONE.test(it.p.text)) continue;
    const m = readMarker(`${it.p.text} ${next.p.text}`);
    if (m.type === 'none' || m.type === 'heading' || m.skip < it.p.text.length) continue;
    next.m = { ...m, skip: 0 };
    items.splice(k, 1);
  }
}

/**
 * The paragraphs of a clean text, cut at cues, with their markers read: questions marked after
 * the fact, markers alone on their line carried to the next paragraph, and mixed-case labels
 * kept only where they are likely speakers.
 */
export function readItems(text: string, speakers: readonly Speaker[]): Item[] {
  const items: Item[] = paragraphs(text)
    .flatMap(cutAtCues)
    .map((p) => ({ p, m: readMarker(p.text) }));

  markQuestionsAfter(items);
  carryLoneMarkers(items);

  // a mixed-case label ("Dana:", "Middle East:") counts only in a dialogue, with a role word,
  // for an official already named, for a full name answering a question, or for a name the
  // text uses elsewhere
  const labelled = items.filter((i) => i.m.type === 'label').length;
  items.forEach((i, k) => {
    if (i.m.type !== 'label' || i.m.label === i.m.label!.toUpperCase()) return;
    const label = i.m.label!;
    const surname = label
      .replace(/\s*[,(].*$/, '')
      .split(/\s+/)
      .pop()!;
    const known = speakers.some((s) => s.name.split(' ').pop() === surname);
    const single = !/[\s,(]/.test(label);
    const answersQuestion = items[k - 1]?.m.type === 'question' && FULL_NAME.test(label);
    if (labelled >= 3 || known || ROLE_WORD.test(label) || answersQuestion) return;
    if (single && text.split(surname).length > 2) return;
    i.m = { type: 'none', speaker: null, skip: 0 };
  });
  return items;
}
