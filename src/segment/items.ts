import type { Speaker } from '../schemas/record.js';
import { cleanName, isBareName } from '../extract/meta/speakers.js';
import { CITIES } from '../extract/meta/cities.js';
import { cutAtCues, type Item } from './cues.js';
import { readMarker } from './markers.js';
import { markDashDialogue } from './dashes.js';
import { markQuotedInterview } from './quoted.js';
import { cutRunOnInterview } from './run-on.js';
import { cutReportedQuestions } from './reported.js';
import { cutIndirectQuestions } from './indirect.js';
import { closersStart, flatMap, paragraphs, sub } from './spans.js';
import { asksBack, REPLIES } from './turns.js';

export type { Item } from './cues.js';

/** A person's name as a label: "Luis de Guindos", "Paschal Donohoe" (not "Middle East" after a question: rare). */
const FULL_NAME =
  /^\p{Lu}\p{Ll}+(?:\s+(?:(?:de|da|di|van|von|der|den|du|le|la)\s+)*\p{Lu}[\p{Ll}'’-]+){1,2}$/u;
const ROLE_WORD =
  /\b(?:president|vice[- ]president|minister|secretary|commissioner|high representative|hr\/vp|hrvp|chancellor|spokes(?:person|man|woman)|governor|director|ambassador|moderator|journalist|reporter|interviewer|speaker|chair|mr|mrs|ms|madam|président|präsident|ministre)\b/i;
/** A label of a journalist's name and outlet: "Lena Holm, Radio Nord", "Lena Holm (ARD)". */
const NAME_OUTLET =
  /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}\s*(?:,\s*|\()(?:the\s+)?[\p{Lu}\d][\p{L}\d&.'’-]*(?:\s+(?:[\p{Lu}\d&][\p{L}\d&.'’-]*|of|de|di|du|der|die|la|le))*\)?$/u;
const BYLINE_AFTER =
  /(?<!\s)\s*(?:[-–—]\s*)?\(?(?:Journalist(?:e|in)?|Question|Reporter)\s*\(([^)]{1,80})\)\)?\.?$/;
/** How every `BYLINE_AFTER` match ends: a cheap test before the costly one. */
const BYLINE_END = /\)\.?$/;
const ASKED_DE = /^([„“"][^„“"]{3,}\?[“”"])\s*,?\s*(?:fragt|fragte|wollte)\b[^.]{0,60}\.?$/;
/** A journalist's line after the question that names nobody: `Journalist`, `Reporter`, `Question`. */
const BARE_BYLINE =
  /^(?:Journalist(?:e|in)?|Reporter(?:in)?|Question|Frage|Pregunta|Domanda|Giornalista|Periodista)\s*\.?$/i;
/** Whether `s` ends in `?`, perhaps before closing quotes or brackets (`/\?["”’»)\]]*$/`). */
const endsQ = (s: string) => s.charAt(closersStart(s, '"”’»)]') - 1) === '?';

/**
 * The first paragraph of the question that ends just before `k`: the paragraphs before it that
 * also ask ("…? / And second, …?") belong to the same journalist's turn.
 */
function questionStart(items: Item[], k: number): number {
  let j = k;
  while (j > 0) {
    const before = items[j - 1]!;
    if (before.m.type !== 'none' || before.p.cue || before.p.text.length > 400) break;
    if (!endsQ(before.p.text) || REPLIES.test(before.p.text) || asksBack(before.p.text)) break;
    j--;
  }
  return j;
}

/** Marks the question that ends at paragraph `k` (and goes back to its first paragraph). */
function markQuestionEndingAt(items: Item[], k: number, speaker: string | null): void {
  const j = questionStart(items, k);
  items[j]!.m = { type: 'question', speaker, skip: 0 };
}

/**
 * Questions marked after the fact: a `Journalist (Outlet)` or bare `Journalist` line after the
 * question (or at its end), and German reported questions (`„…?“, fragt ein Journalist`).
 */
function markQuestionsAfter(items: Item[]): void {
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it.m.type !== 'none') continue;
    const b = BYLINE_END.test(it.p.text) ? BYLINE_AFTER.exec(it.p.text) : null;
    const bare = !b && it.p.text.length < 14 && BARE_BYLINE.test(it.p.text);
    if ((bare || b?.index === 0) && k > 0 && items[k - 1]!.m.type === 'none') {
      markQuestionEndingAt(items, k - 1, b ? b[1]! : null);
      it.m = { type: 'heading', speaker: null, skip: it.p.text.length };
      it.p = { ...it.p, cue: undefined };
      continue;
    }
    if (b && b.index > 0) {
      it.p = { ...sub(it.p, 0, b.index), cue: undefined };
      markQuestionEndingAt(items, k, b[1]!);
      continue;
    }
    const d = ASKED_DE.exec(it.p.text);
    if (d) {
      it.p = { ...sub(it.p, 0, d[1]!.length), cue: undefined };
      it.m = { type: 'question', speaker: null, skip: 0 };
    }
  }
}

/** A turn opened by a letter and a full stop: `D. …`/`P. …` asks, `R. …` answers (Italian and Spanish print interviews). */
const LETTER_TURN = /^([DPR])\.\s+(?=\S)/;

/**
 * `D.`/`P.` and `R.` mark the turns once an `R.` paragraph follows a `D.` or `P.` one: a letter
 * alone is too likely an initial (`D. Trump said …`).
 */
function markLetterTurns(items: Item[]): void {
  const letters = items.map((i) => (i.m.type === 'none' && !i.p.cue ? LETTER_TURN.exec(i.p.text) : null));
  if (!letters.some((m, k) => m && m[1] !== 'R' && letters[k + 1]?.[1] === 'R')) return;
  letters.forEach((m, k) => {
    if (m) items[k]!.m = { type: m[1] === 'R' ? 'answer' : 'question', speaker: null, skip: m[0].length };
  });
}

/** A paragraph that is only a marker ("Question:", "A."). */
const LONE_MARKER = /^(?:Q|Question|QUESTION|Frage|FRAGE|A|Answer|ANSWER|Réponse|Antwort)\s*[.:]?$/u;
/** A paragraph that is only a label ("President Lagarde:"). */
const LONE_LABEL = /^[^.?!]{2,80}:$/u;
/**
 * A paragraph that is only a marker or a label: it opens the next one. The label's pattern tries
 * every length of the line's start: only on a line that ends in `:`.
 */
const isLone = (s: string) => LONE_MARKER.test(s) || (s.endsWith(':') && LONE_LABEL.test(s));

function carryLoneMarkers(items: Item[]): void {
  // a label alone at the very end: the capture stops before that speaker's words
  const end = items[items.length - 1];
  if (end && end.m.type === 'none' && end.p.text.endsWith(':') && LONE_LABEL.test(end.p.text)) {
    const m = readMarker(`${end.p.text} …`);
    if (m.type === 'label') end.m = { ...m, skip: end.p.text.length };
  }
  for (let k = items.length - 2; k >= 0; k--) {
    const it = items[k]!;
    const next = items[k + 1]!;
    if (it.m.type !== 'none' || next.m.type !== 'none' || next.p.cue || !isLone(it.p.text)) continue;
    const m = readMarker(`${it.p.text} ${next.p.text}`);
    if (m.type === 'none' || m.type === 'heading' || m.skip < it.p.text.length) continue;
    next.m = { ...m, skip: 0 };
    items.splice(k, 1);
  }
}

const CITY_WORDS = new Set(CITIES);

/** A paragraph that is only a person's name, perhaps with a role after a comma: "Anna Berg", "Jan Roe, ex-president". */
const NAME_LINE = /^([^,?!:;]{3,60})(?:,\s*[^.?!:;]{2,60})?$/u;
/** The longest line read as a name. */
const NAME_LINE_MAX = 120;
/** One name word alone on its line ("Barnier", "Jean-Claude"): a speaker only when known or repeated. */
const ONE_NAME = /^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?$/u;

/**
 * The name a line holds, as a label: two to four name words ("Philip R. Lane", "Herman Van
 * Rompuy"), or one word that is a known speaker's ("Barnier", "Margot") or comes back alone.
 */
function lineName(line: string, speakers: readonly Speaker[], repeated: boolean): string | null {
  const m = line.length <= NAME_LINE_MAX ? NAME_LINE.exec(line) : null;
  if (!m) return null;
  const words = m[1]!.trim().split(/\s+/);
  // a full stop only after an initial ("R."), never one that ends a sentence
  if (words.some((w) => w.includes('.') && !/^\p{Lu}\.$/u.test(w)) || words.length > 4) return null;
  if (words.length === 1) {
    const w = words[0]!;
    const known = speakers.some((s) => s.name.split(/\s+/).includes(w));
    return ONE_NAME.test(w) && cleanName(w) === w && !CITY_WORDS.has(w) && (known || repeated) ? w : null;
  }
  // "Herman Van Rompuy": a capitalised particle inside the name is still a name
  const name = words
    .join(' ')
    .replace(/(?<=\S\s)(?:Van|Von|De|Der|Den|Da|Di|Du|La|Le)(?=\s)/g, (w) => w.toLowerCase());
  return isBareName(name) ? words.join(' ') : null;
}

/**
 * Names alone on their line ("Anna Berg" / "Wages are rising …") label the next paragraph when
 * they are speakers: an official already known, a name that comes back, a name after a question,
 * or a name before a question (the journalist who asks).
 */
function carryNameLabels(items: Item[], speakers: readonly Speaker[]): Set<Item> {
  const carried = new Set<Item>();
  // how often each line comes back, for the lines short enough to be a name (`lineName`)
  const count = new Map<string, number>();
  for (const i of items)
    if (i.m.type === 'none' && i.p.text.length <= NAME_LINE_MAX)
      count.set(i.p.text, (count.get(i.p.text) ?? 0) + 1);
  const carry = (sure: boolean) => {
    for (let k = items.length - 2; k >= 0; k--) {
      const it = items[k]!;
      const next = items[k + 1]!;
      if (it.m.type !== 'none' || it.p.cue || next.m.type !== 'none' || next.p.cue) continue;
      const repeated = it.p.text.length <= NAME_LINE_MAX && (count.get(it.p.text) ?? 0) >= 2;
      const name = lineName(it.p.text, speakers, repeated);
      if (!name) continue;
      const surname = name.split(/\s+/).pop()!;
      const before = items
        .slice(0, k)
        .reverse()
        .find((i) => i.m.type !== 'heading');
      const speaks =
        !sure ||
        speakers.some((s) => s.name.split(' ').pop() === surname) ||
        repeated ||
        before?.m.type === 'question' ||
        (before !== undefined && endsQ(before.p.text)) ||
        endsQ(next.p.text) ||
        // another name labels the turn after this one: the names take turns
        carried.has(items[k + 2]!);
      if (!speaks) continue;
      const label = readMarker(`${it.p.text}: ${next.p.text}`);
      if (label.type !== 'label') continue;
      next.m = { ...label, skip: 0 };
      carried.add(next);
      items.splice(k, 1);
    }
  };
  carry(true);
  // where names on their own line label the turns, every such name does ("Jonas Keller" / "This morning …")
  if (carried.size >= 2) carry(false);
  return carried;
}

/** A name with its initials in brackets, as an interview's intro says who is who: "Anna Berg (AB)". */
const NAMED_INITIALS =
  /(?<![\p{L}'’-])(\p{Lu}[\p{L}'’-]+(?:\s+(?:(?:de|da|di|van|von|der|den|du|le|la)\s+)*\p{Lu}[\p{L}'’-]+){0,3})\s*\((\p{Lu}{1,3})\)/gu;
/** A name's initials, with and without its particles: "Herman van Rompuy" → HR and HVR. */
const initialsOf = (name: string) => {
  const words = name.split(/[\s-]+/);
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.charAt(0));
  return [caps.join(''), words.map((w) => w.charAt(0).toUpperCase()).join('')];
};
const INITIALS_IN_BRACKETS = /\(\p{Lu}{1,3}\)/u;

/**
 * Initials as labels (`AB:`, `M:`) stand for the names the intro gives them ("Anna Berg (AB)")
 * or for a known speaker with those initials.
 */
function nameInitials(items: Item[], text: string, speakers: readonly Speaker[]): void {
  // the labels and markers written as initials, first: most texts have none, and then the names
  // are not needed
  const written = items.map((i) => {
    if (i.m.type !== 'label' && i.m.type !== 'answer' && i.m.type !== 'question') return null;
    // "R:" reads as "Réponse" and "Q:" as a question, unless the intro names someone so
    const w =
      i.m.type === 'label'
        ? i.m.label!
        : i.p.text.slice(0, i.m.skip).replace(/(?<![\s.:)\-–—])[\s.:)\-–—]+$/, '');
    return /^\p{Lu}{1,3}$/u.test(w) ? w : null;
  });
  if (!written.some((w) => w !== null)) return;
  const names = new Map<string, string>();
  for (const s of speakers)
    if (s.name.includes(' ')) for (const i of initialsOf(s.name)) names.set(i, s.name);
  const intro = text.slice(0, 2000);
  // every match ends in "(AB)": a cheap test before the costly pattern (it starts at any capital)
  if (INITIALS_IN_BRACKETS.test(intro))
    for (const m of intro.matchAll(NAMED_INITIALS)) names.set(m[2]!, m[1]!);
  items.forEach((i, k) => {
    const name = written[k] ? names.get(written[k]) : undefined;
    if (name) i.m = { type: 'label', label: name, speaker: name, skip: i.m.skip };
  });
}

/** A journalist's introduction with a quote, glued after capture junk: `… 12 views Jane Roe, TV9 : "…"`. */
const GLUED_INTRO =
  /\s(?=\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2},\s*[\p{Lu}\d][\p{L}\d&.'’-]*(?:\s+[\p{Lu}\d][\p{L}\d&.'’-]*){0,3}\s?:\s*["“„«])/u;

/** How every `GLUED_INTRO` ends: a cheap test before the costly one (it tries every space). */
const COLON_QUOTE = /:\s*["“„«]/;

/** Cuts a paragraph without a marker where a journalist's quoted introduction starts after junk. */
function cutGluedIntros(items: Item[]): void {
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it.m.type !== 'none' || it.p.cue || !it.p.text.includes(':') || !COLON_QUOTE.test(it.p.text))
      continue;
    const g = GLUED_INTRO.exec(it.p.text);
    if (!g || g.index === 0) continue;
    const rest = sub(it.p, g.index, it.p.text.length);
    const m = readMarker(rest.text);
    if (m.type !== 'label') continue;
    items.splice(k, 1, { p: sub(it.p, 0, g.index), m: it.m }, { p: rest, m });
    k++;
  }
}

/** Whether `word` (not empty) occurs twice in `text`, without overlap: `text.split(word).length > 2`, without the split. */
function occursTwice(text: string, word: string): boolean {
  const first = text.indexOf(word);
  return first >= 0 && text.indexOf(word, first + word.length) >= 0;
}

/**
 * The paragraphs of a clean text, cut at cues, with their markers read: questions marked after
 * the fact, markers alone on their line carried to the next paragraph, and mixed-case labels
 * kept only where they are likely speakers.
 */
export function readItems(
  text: string,
  speakers: readonly Speaker[],
  interview: () => boolean = () => false,
): Item[] {
  const items: Item[] = flatMap(
    paragraphs(text),
    // an interview run into one paragraph: the paragraph holds most of the text
    (p) => (p.text.length * 5 >= text.length * 3 && interview() && cutRunOnInterview(p)) || cutAtCues(p),
  ).map((p) => ({ p, m: readMarker(p.text) }));

  cutGluedIntros(items);
  markQuestionsAfter(items);
  cutReportedQuestions(items);
  cutIndirectQuestions(items);
  markQuotedInterview(items, text);
  markDashDialogue(items);
  markLetterTurns(items);
  carryLoneMarkers(items);
  const named = carryNameLabels(items, speakers);

  // a mixed-case label ("Dana:", "Middle East:") counts only in a dialogue, with a role word,
  // for an official already named, for a full name answering a question, or for a name the
  // text uses elsewhere
  const labelled = items.filter((i) => i.m.type === 'label').length;
  items.forEach((i, k) => {
    if (i.m.type !== 'label' || i.m.label === i.m.label!.toUpperCase() || named.has(i)) return;
    const label = i.m.label!;
    const surname = label
      .replace(/(?<!\s)\s*[,(].*$/, '')
      .split(/\s+/)
      .pop()!;
    const known = speakers.some((s) => s.name.split(' ').pop() === surname);
    const single = !/[\s,(]/.test(label);
    const answersQuestion = items[k - 1]?.m.type === 'question' && FULL_NAME.test(label);
    // "Lena Holm, Radio Nord: … ?": a journalist who gives name and outlet, then asks (or whom a
    // labelled turn answers, when the capture cuts the question off)
    const nextLabelled = items[k + 1]?.m.type === 'label';
    const asks =
      (i.p.text.includes('?') && (NAME_OUTLET.test(label) || nextLabelled)) ||
      (NAME_OUTLET.test(label) && nextLabelled);
    // "Jean-Claude JUNCKER.-": a surname in capitals, or the print interview's ".-", is written as a label
    const styled = /\.-$/.test(i.p.text.slice(0, i.m.skip).trimEnd()) || /\s\p{Lu}{3,}$/u.test(label);
    if (labelled >= 3 || known || ROLE_WORD.test(label) || answersQuestion || asks || styled) return;
    if (single && occursTwice(text, surname)) return;
    i.m = { type: 'none', speaker: null, skip: 0 };
  });
  nameInitials(items, text, speakers);
  return items;
}
