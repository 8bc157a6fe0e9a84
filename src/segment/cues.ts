import type { Marker } from './markers.js';
import { flatMap, sentenceStarts, sub, type Span } from './spans.js';
import { HANDOVER_TURN } from './turns.js';

/** A paragraph (or a piece of one cut at a cue) with what its start says about the turn. */
export interface Item {
  p: Piece;
  m: Marker;
}

/** A piece of a paragraph cut at a sentence that changes the turn, with what the cut says. */
export interface Piece extends Span {
  /**
   * `answer`: the piece opens an answer; `handover`: a moderator gives the floor; `asked`: the piece
   * before an answer; `aside`: a report's narration around the turns it quotes.
   */
  cue?: 'answer' | 'handover' | 'asked' | 'aside';
  /** The official who takes the floor, from a hand-over ("This is a question for Olof"). */
  to?: string;
}

const THANKS_FOR_QUESTION =
  /^(?:thanks|thank you|many thanks)(?:\s+very much)?\s+for\s+(?:your|the|this|that)\s+questions?\b/i;
const HANDOVER =
  /^(?:[Tt]his|[Tt]hat)\s+(?:is|was)\s+(?:a\s+)?question\s+for\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s*[.!]?$/u;
const VOCATIVE =
  /^(?:Well|Actually|Yes|No|Look|Indeed|Sure|Absolutely|Of course|Thank you|Thanks|So),\s+(\p{Lu}\p{Ll}+),\s/u;
const NOT_NAME = new Set(
  'Europe Ukraine Russia America China Germany France Yes No Well So Now Today Indeed Sure'.split(' '),
);
/** A turn marker glued into a paragraph: "… new money? A. Yes, we will. Q. And when?" */
const INLINE_MARKER = /^(?:(?:Q|A)[.:]\s|(?:Question|Answer|Frage|Antwort|Réponse)\s?:\s)/;
/** Whom a moderator calls: "Reuters.", "Anna from Politico, please." (not "Hi."). */
const CALLED =
  /^(?!(?:Hi|Hello|Good|Thank|Thanks|Yes|OK|Okay)\b)\p{Lu}[\p{L}'’&-]*(?:\s+(?:from\s+|of\s+)?\p{Lu}[\p{L}'’&-]*){0,3}(?:,\s*please)?[.!]$/u;
const SECOND_PERSON = /\b(?:you|your)\b/i;
/** A `NAME.-` label glued after the turn before it, as print interviews write them: `…baraque ?Jean-Claude JUNCKER.- Je…`. */
const GLUED_DASH_LABEL = /(?<=[.?!…»”"])\s*(?=(?:\p{Lu}[\p{L}'’-]*\s+){0,3}\p{Lu}{2,}[\p{Lu}'’-]*\.-\s)/gu;

/**
 * A moderator's words glued before a question ("Next question, please. Reuters. Hi, how …?"):
 * the hand-over and the question, or null.
 */
export function handoverThenQuestion(p: Span, starts = sentenceStarts(p.text)): [Span, Span] | null {
  const floor = p.text.includes('?') ? HANDOVER_TURN.exec(p.text) : null;
  if (!floor) return null;
  let i = starts.findIndex((a) => a >= floor[0].length);
  const sentence = (j: number) => p.text.slice(starts[j], starts[j + 1] ?? p.text.length).trim();
  while (i > 0 && i < starts.length - 1 && CALLED.test(sentence(i))) i++;
  if (i <= 0 || p.text.slice(0, starts[i]).includes('?')) return null;
  return [sub(p, 0, starts[i]!), sub(p, starts[i]!, p.text.length)];
}

/**
 * Cuts a paragraph at turn markers glued into it ("… money? A. Yes.") and where the turn
 * changes without a marker: a moderator's hand-over before a question, "Thanks for your
 * question", a hand-over to an official, or an answer that opens by addressing the interviewer
 * ("Actually, David, …") after sentences addressed to the speaker.
 */
export function cutAtCues(p: Span): Piece[] {
  // every label the pattern finds ends in ".-": a cheap test before it (it tries every position)
  const dashed = p.text.includes('.-')
    ? [...p.text.matchAll(GLUED_DASH_LABEL)].map((m) => m.index).filter((a) => a > 0)
    : [];
  if (dashed.length)
    return flatMap([0, ...dashed], (a, i) => cutAtCues(sub(p, a, dashed[i] ?? p.text.length)));
  const starts = sentenceStarts(p.text);
  // one sentence: no marker glued after it, no hand-over before a question, no answer after it
  if (starts.length === 1) return [p];
  const sentences = starts.map((a, i) => ({
    a,
    b: starts[i + 1] ?? p.text.length,
    s: p.text.slice(a, starts[i + 1] ?? p.text.length).trim(),
  }));
  // only in a run of turns: the paragraph opens with a marker, or the marker answers a question
  const opensTurn = INLINE_MARKER.test(p.text);
  const cuts = sentences
    .filter((x, i) => i > 0 && INLINE_MARKER.test(x.s) && (opensTurn || sentences[i - 1]!.s.endsWith('?')))
    .map((x) => x.a);
  if (cuts.length) return flatMap([0, ...cuts], (a, i) => cutAtCues(sub(p, a, cuts[i] ?? p.text.length)));
  const glued = handoverThenQuestion(p, starts);
  if (glued)
    return [
      { ...glued[0], cue: 'handover' },
      { ...glued[1], cue: 'asked' },
    ];
  for (let i = 1; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (THANKS_FOR_QUESTION.test(s.s)) {
      const prev = sentences[i - 1]!;
      const h = HANDOVER.exec(prev.s);
      const pieces: Piece[] = [];
      const qEnd = h ? prev.a : s.a;
      if (qEnd > 0) pieces.push({ ...sub(p, 0, qEnd), cue: 'asked' });
      if (h) pieces.push({ ...sub(p, prev.a, s.a), cue: 'handover', to: h[1]! });
      pieces.push({ ...sub(p, s.a, p.text.length), cue: 'answer', ...(h ? { to: h[1]! } : {}) });
      return pieces;
    }
    const v = VOCATIVE.exec(s.s);
    if (v && !NOT_NAME.has(v[1]!)) {
      // the question: the sentences just before, addressed to the speaker
      let j = i;
      while (j > 0 && SECOND_PERSON.test(sentences[j - 1]!.s)) j--;
      if (j === i) continue;
      const pieces: Piece[] = [];
      if (j > 0) pieces.push(sub(p, 0, sentences[j]!.a));
      pieces.push({ ...sub(p, sentences[j]!.a, s.a), cue: 'asked' });
      pieces.push({ ...sub(p, s.a, p.text.length), cue: 'answer' });
      return pieces;
    }
  }
  return [p];
}
