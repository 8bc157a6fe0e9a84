/**
 * Print interviews whose answers are whole paragraphs in quotation marks and whose prompts are
 * not (`Il vento è cambiato?` / `«Sì, e lo dico da anni.»`), the prompt often glued before the
 * quote in the same paragraph, or the next prompt glued after it (`…accordo». Molti Paesi…`).
 */
import type { Item } from './cues.js';
import { closersStart, sub } from './spans.js';

const CLOSER: Record<string, string> = { '«': '»', '“': '”', '„': '“”', '"': '"', '‹': '›' };
/** A paragraph that is one quotation from start to end: `«…»`, `“…”.`, `„…“`. */
function wholeQuote(s: string): boolean {
  const close = CLOSER[s.charAt(0)];
  if (!close) return false;
  const end = s.replace(/[.!?…]$/, '');
  return close.includes(end.charAt(end.length - 1)) && end.length > 2;
}
/** A paragraph in the interviewee's voice: it opens a quotation (which the capture may cut before it closes). */
const opensQuote = (s: string) => !!CLOSER[s.charAt(0)];
/**
 * How a prompt ends: a question, or an unfinished sentence that the interviewee completes
 * (`/(?:\?|…|\.\.\.)["”»’]*$/`, read from the end).
 */
function promptEnd(s: string): boolean {
  const end = closersStart(s, '"”»’');
  const last = s.charAt(end - 1);
  return last === '?' || last === '…' || s.endsWith('...', end);
}
/** A prompt glued before the quoted answer in one paragraph: `Il vento è cambiato? «Sì…»`. */
const HEAD_THEN_QUOTE = /(?:\?|…|\.\.\.)["”»’]*\s+(?=[«“„"‹])/gu;

/** Where a paragraph that opens with a quotation goes on unquoted after it closes (`…accordo». Molti…`). */
function tailAfterQuote(s: string): number {
  const close = CLOSER[s.charAt(0)];
  if (!close) return -1;
  for (let i = 1; i < s.length; i++) {
    if (CLOSER[s.charAt(i)] && s.charAt(0) === s.charAt(i) && s.charAt(0) !== '"') return -1;
    if (!close.includes(s.charAt(i))) continue;
    const m = /^[.!?…]?\s+(?=\p{Lu})/u.exec(s.slice(i + 1));
    return m ? i + 1 + m[0].length : -1;
  }
  return -1;
}

/** The cut between a glued prompt and its quoted answer, or -1. */
function promptCut(s: string): number {
  if (wholeQuote(s) || CLOSER[s.charAt(0)]) return -1;
  // a prompt ends in `?`, `…` or `...`: cheap tests before the pattern (it tries every full stop)
  if (!s.includes('?') && !s.includes('…') && !s.includes('...')) return -1;
  HEAD_THEN_QUOTE.lastIndex = 0;
  for (let m = HEAD_THEN_QUOTE.exec(s); m; m = HEAD_THEN_QUOTE.exec(s)) {
    const at = m.index + m[0].length;
    if (wholeQuote(s.slice(at))) return at;
  }
  return -1;
}

const free = (i: Item | undefined) => !!i && i.m.type === 'none' && !i.p.cue;

/**
 * Marks the turns of an interview printed with quoted answers: when at least two prompts (ending in
 * `?` or `…`) are each followed by a quoted paragraph, every unquoted paragraph just before a quoted
 * one asks and the quoted one answers; a prompt glued before or after a quote is cut from it.
 */
export function markQuotedInterview(items: Item[], text: string): void {
  const pairs = items.filter(
    (it, k) =>
      free(it) &&
      ((promptEnd(it.p.text) &&
        !wholeQuote(it.p.text) &&
        free(items[k + 1]) &&
        wholeQuote(items[k + 1]!.p.text)) ||
        promptCut(it.p.text) > 0),
  ).length;
  if (pairs < 2) return;
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (!free(it)) continue;
    const cut = promptCut(it.p.text);
    if (cut > 0) {
      items.splice(k, 1, { p: sub(it.p, 0, cut), m: it.m }, { p: sub(it.p, cut, it.p.text.length), m: it.m });
      continue;
    }
    const tail = wholeQuote(it.p.text) ? -1 : tailAfterQuote(it.p.text);
    if (tail > 0)
      items.splice(
        k,
        1,
        { p: sub(it.p, 0, tail), m: it.m },
        { p: sub(it.p, tail, it.p.text.length), m: it.m },
      );
  }
  items.forEach((it, k) => {
    const next = items[k + 1];
    if (!free(it) || opensQuote(it.p.text) || it.p.text.length > 700) return;
    const before = items[k - 1];
    const answered = free(next) && opensQuote(next!.p.text);
    // the capture stops after a prompt: the last paragraph, unfinished, after an answer
    const cutOff = !next && before?.m.type === 'answer' && !/[.!]["”»’]*$/.test(it.p.text);
    if (!answered && !cutOff) return;
    it.m = { type: 'question', speaker: null, skip: 0 };
    if (answered) next!.m = { type: 'answer', speaker: null, skip: 0 };
  });
  joinPrompts(items, text);
}

/**
 * The interviewee's words are all quoted: unquoted paragraphs between an answer and the next
 * prompt are the interviewer's, and join that prompt (`Come Renzi, o Macron.` / `L’Europa è salva?`).
 */
function joinPrompts(items: Item[], text: string): void {
  for (let k = items.length - 1; k > 0; k--) {
    if (items[k]!.m.type !== 'question') continue;
    let j = k;
    while (j > 0 && free(items[j - 1]) && !opensQuote(items[j - 1]!.p.text)) j--;
    const before = items[j - 1];
    // after an answer, or after someone's quoted words ("Replica: «…»")
    if (j === k || !before || (before.m.type !== 'answer' && !/[»”“"][.!?…]?$/.test(before.p.text))) continue;
    const start = items[j]!.p.start;
    const end = items[k]!.p.end;
    items.splice(j, k - j + 1, { p: { start, end, text: text.slice(start, end) }, m: items[k]!.m });
    k = j;
  }
}
