import { ADDRESSED, isQuestionTurn, type Draft, type Turns } from './context.js';
import { addSpeaker } from './names.js';
import { sub, type Span } from './spans.js';
import { asksBack, isHandover, REPLIES, takesUp } from './turns.js';

const FIRST_PERSON = /\b(?:I|I'm|I’m|we|We|our|Our|my|me|us|je|nous|ich|wir|ik|wij)\b/;
const NARRATES =
  /\b(?:said|says|highlighted|tells|told|spoke|stated|interview|held|took place|taken place|sagte|erklärt|a déclaré|a prononcé)(?!\w)/i;
/** How a question opens, in the languages of the corpus: a question word ("où", "perché": a letter after it, not `\b`, ends it), or a verb before its subject. */
const STARTS_ASKING =
  /^(?:¿|(?:you|do you|are you|have you|how|what|why|when|where|which|who|is|can|could|would|will|should|did|does|pourquoi|comment|quel(?:le)?s?|que|qu['’]|qui|où|quand|combien|est-ce|was|wie|warum|wieso|weshalb|welche[rsnm]?|wer|wann|wo|che|cosa|come|perché|quale|quali|chi|quando|dove|quanto|qué|cómo|por qué|cuál|cuándo|dónde|quién)(?![\p{L}\p{N}_])|\p{L}+-(?:vous|il|elle|on|ils|elles|nous|tu)\b|\p{Lu}\p{Ll}+ Sie\b)/iu;
/** A journalist introduced before the question: "The FT’s Peter Spiegel goes first." */
const INTRO =
  /^((?:The\s+)?[\p{Lu}][\p{L}’'.]*(?:\s+[\p{Lu}][\p{L}’'.]*){0,4})\s+(?:goes first|asks|is next|follows|has the next question)\s*[.:]\s+/u;
/** How the second paragraph of a question opens: "And second, …", "My other question …". */
const CONTINUES =
  /^(?:and\b|also\b|(?:my |a |the )?(?:second|third|last|other|another|follow-up)\b|secondly|thirdly|finally\b|if I may\b|one more\b)/i;
/** A chair who gives the floor to someone who is not an official: `La parole est à Radio Nord.` */
const FLOOR_TO_PRESS =
  /^(?:la parole est (?:à|au)|the floor (?:goes )?to|das Wort (?:hat|geht an)|la parola (?:a|va a)|tiene la palabra)(?=\s)(?![^.]*\b(?:minist|présid|presid|commissa|commissioner|Kommissar|Präsident)\w*)[^?]{0,60}$/i;
/** Words of a paragraph that asks the speaker something. */
const ASKS = /\b(?:you|your|vous|votre|Sie|Ihnen|Ihre?|question|frage)\b/i;

/**
 * A question without a question mark yet goes on when one of the next two paragraphs,
 * unmarked, asks the speaker ("You said … / So my question is: …?").
 */
function asksLater(t: Turns, q: Draft, k: number): boolean {
  if (REPLIES.test(t.items[k]!.p.text) || t.slice(q).includes('?')) return false;
  for (const next of t.items.slice(k + 1, k + 3)) {
    if (next.m.type !== 'none' || next.p.cue || REPLIES.test(next.p.text)) return false;
    if (isQuestionTurn(next.p.text) && next.p.text.length < 400 && ASKS.test(next.p.text)) return true;
  }
  return false;
}

/** A paragraph a cue inside it placed (asked, handed over, answered); false when it has no cue. */
function cuedTurn(t: Turns, k: number, body: Span): boolean {
  const p = t.items[k]!.p;
  if (p.cue === 'asked' || (isQuestionTurn(body.text) && t.cues.interview)) {
    const intro = INTRO.exec(body.text);
    if (intro && intro[0].length < body.text.length) {
      t.push('question', intro[1]!.trim(), sub(body, intro[0].length, body.text.length));
      t.sawQuestion = true;
      return true;
    }
  }
  if (p.cue === 'asked') {
    t.push('question', null, body);
    t.sawQuestion = true;
  } else if (p.cue === 'handover') {
    if (p.to) addSpeaker(t.speakers, p.to, null);
    t.floor = p.to ?? t.floor;
    t.push('moderator', null, body);
  } else if (p.cue === 'answer') t.answer(body, p.to);
  else if (p.cue === 'aside') t.push('other', null, body);
  else if (isHandover(body.text)) t.push('moderator', null, body);
  else return false;
  return true;
}

/** After a question: the question goes on (a follow-up in the next paragraph), or the answer starts. */
function afterQuestion(t: Turns, k: number, body: Span): void {
  const { cues } = t;
  const isQ = isQuestionTurn(body.text);
  // "Which minister?": the official asks back, which opens the answer
  if (asksBack(body.text)) return t.answer(body);
  if (isQ && body.text.length < 400 && (cues.interview || cues.marked) && !REPLIES.test(body.text))
    t.extend(body);
  else if (cues.marked && CONTINUES.test(body.text) && body.text.includes('?') && body.text.length < 700)
    t.extend(body);
  else if (cues.marked && asksLater(t, t.last!, k)) t.extend(body);
  else t.answer(body);
}

/**
 * An interviewer's prompt without `?` ("Ma non piace a nessuno.", "Qui vient de fêter ses vingt
 * ans…"): a short paragraph after an answer whose last words the next, longer paragraph takes up
 * at once ("Non piace agli estremisti …", "Qui vient de fêter ses vingt ans, oui.").
 */
function promptTakenUp(body: string, next: string | undefined): boolean {
  // the official going on with their answer speaks in the first person; the prompt does not
  if (!next || body.length > 300 || body.endsWith('?') || FIRST_PERSON.test(body)) return false;
  // the reply is longer, unless the capture cuts it off
  if (next.length <= body.length && /[.!?…"”»]$/.test(next)) return false;
  return takesUp(body, next);
}

/** Whether an unmarked paragraph asks: in an interview, after a moderator's invitation, or answered next by an official. */
function asksHere(t: Turns, k: number, body: Span): boolean {
  const { cues, last, items } = t;
  const isQ = isQuestionTurn(body.text);
  // a moderator who has just opened the questions (not one who announces the statements)
  const said = last?.kind === 'moderator' ? t.slice(last) : '';
  const invited =
    last?.kind === 'moderator' &&
    (t.sawQuestion || (/question/i.test(said) && isHandover(said)) || FLOOR_TO_PRESS.test(said));
  if (invited && body.text.includes('?') && body.text.length < 1200) return true;
  const lastAsks =
    k === items.length - 1 &&
    last?.kind === 'answer' &&
    STARTS_ASKING.test(body.text) &&
    !/[.!?"”]$/.test(body.text);
  // a question the capture cuts off, after an answer of an interview or a Q&A
  if (lastAsks && (cues.interview || cues.marked || t.qaHeading)) return true;
  if ((cues.interview || (t.qaHeading && cues.explicitQ === 0)) && isQ && !cues.named) return true;
  const following = items[k + 1];
  if (
    cues.interview &&
    !cues.named &&
    last?.kind === 'answer' &&
    following?.m.type === 'none' &&
    !following.p.cue &&
    promptTakenUp(body.text, following.p.text)
  )
    return true;
  // an unmarked paragraph that asks the official who answers it next (a label, an "A."): a journalist's
  const next = items[k + 1]?.m;
  const answeredNext =
    (next?.type === 'label' && cues.roles.get(next.label!) === 'official' && ADDRESSED.test(body.text)) ||
    next?.type === 'answer';
  return isQ && answeredNext;
}

/** Builds the turn of a paragraph without a marker: cues inside it, then the turn before it, decide. */
export function unmarkedTurn(t: Turns, k: number, body: Span): void {
  if (cuedTurn(t, k, body)) return;
  const { last } = t;
  if (last?.kind === 'question') return afterQuestion(t, k, body);
  if (asksHere(t, k, body)) return t.ask(null, body);
  if (last && (last.kind === 'answer' || last.kind === 'remarks')) return t.extend(body);
  if (!last && !FIRST_PERSON.test(body.text) && NARRATES.test(body.text)) return t.push('other', null, body);
  if (last?.kind === 'other' && t.cues.interview) return t.push('other', null, body);
  t.push(t.sawQuestion ? 'answer' : 'remarks', t.floor ?? t.fallback, body);
}
