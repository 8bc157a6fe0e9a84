/**
 * Questions and answers that a news story or a print interview reports in quotation marks
 * rather than marking as turns: `„…?“, will eine Reporterin wissen. … Sie sagt: „…“`,
 * `« … ? », demande un journaliste. Il répond : « … »`, and interviews whose answers are whole
 * paragraphs in quotation marks after unquoted prompts (`Il vento è cambiato? «Sì…»`).
 */
import type { Item, Piece } from './cues.js';
import { sub, type Span } from './spans.js';

/** A quotation in any of the styles of the press: „…“ “…” «…» "…" ‘…’ (apostrophes inside allowed). */
const QUOTE_SRC =
  '(?:„[^„“”]{1,900}[“”]|“[^“”]{1,900}”|«[^«»]{1,900}»|"[^"]{1,900}"|‘(?:[^‘’]|’(?=\\p{L})){1,900}’(?!\\p{L}))';
const QUOTE = new RegExp(QUOTE_SRC, 'gu');
/** How every quotation of `QUOTE_SRC` opens. */
const OPENING_QUOTE = /[„“«"‘]/;
/** Verbs of asking, in the third person, as a reporter writes them after a quoted question. */
const ASK =
  "(?:fragt|fragte|(?:will|wollte|möchte)\\b[^.?!]{0,50}\\bwissen|hakt\\b[^.?!]{0,30}\\bnach|demande|demandait|a demandé|interroge|s['’]enquiert|asks|asked|wants to know|wanted to know|chiede|chiedeva|ha chiesto|domanda|pregunta|preguntó|quiso saber|vraagt|vroeg)";
/** Verbs of saying, as a reporter writes them around a quoted answer. */
const SAY =
  '(?:sagt|sagte|erklärt|erklärte|antwortet|antwortete|entgegnet|entgegnete|meint|betont|says|said|replies|replied|answers|answered|responds|responded|explains|explained|dit|a dit|répond|répondit|a répondu|explique|rétorque|risponde|ha risposto|replica|dice|ha detto|spiega|responde|respondió|contesta|contestó|dijo|zegt|antwoordt)';
/** The end of a word (unicode patterns): `\b` after "a demandé" or "preguntó" wanted a word character next. */
const WORD_END = '(?![\\p{L}\\p{N}_])';
/** A quoted question and the clause that says someone asked it: `"Will you resign?" a reporter asked.` */
const QUOTED_QUESTION = new RegExp(
  `(?:„[^„“”]{1,600}\\?\\s*[“”]|“[^“”]{1,600}\\?\\s*”|«[^«»]{1,600}\\?\\s*»|"[^"]{1,600}\\?\\s*"|‘(?:[^‘’]|’(?=\\p{L})){1,600}\\?\\s*’)` +
    `\\s*,?\\s*(?:[^.?!„“”«»"]{0,40}?\\s)?${ASK}${WORD_END}(?!\\s+(?:me|mich|mir|moi|mi|me)\\b)[^.?!]{0,60}[.?!]?`,
  'giu',
);
/** An unquoted question a report gives in indirect speech, answered at once in quotes: `Was er nun mache? „…“, sagt er.` */
const BARE_QUESTION = new RegExp(
  `(?<=^|[.!?…»“”"]\\s+)[\\p{Lu}¿][^.?!„“”«»"]{5,300}\\?(?=\\s+${QUOTE_SRC}\\s*,?\\s*(?:[^.?!]{0,30}\\s)?${SAY}${WORD_END})`,
  'gu',
);
const SAY_BEFORE = new RegExp(`(?<!\\w)${SAY}${WORD_END}[^.?!„“”«»"]{0,40}:\\s*$`, 'iu');
const SAY_AFTER = new RegExp(`^\\s*,?\\s*(?:[^.?!]{0,30}\\s)?${SAY}${WORD_END}`, 'iu');
/** Where a sentence ends after a closing quote: `“, sagt er.` / `».` */
const SENTENCE_END = /[.!?…](?=["”“»’]*(?:\s|$))/gu;

/** The end of the sentence that holds offset `from` (the text's end when none). */
function sentenceEnd(s: string, from: number): number {
  SENTENCE_END.lastIndex = from;
  const m = SENTENCE_END.exec(s);
  return m ? m.index + 1 : s.length;
}

/** The reply quoted after a reported question: the first quotation within a few sentences that a verb of saying frames. */
function replyAfter(s: string, from: number): { start: number; end: number } | null {
  QUOTE.lastIndex = from;
  for (let m = QUOTE.exec(s); m && m.index - from < 400; m = QUOTE.exec(s)) {
    const gap = s.slice(from, m.index);
    const end = m.index + m[0].length;
    if (/^\s*$/.test(gap) || SAY_BEFORE.test(gap) || SAY_AFTER.test(s.slice(end))) {
      const stop = /[.!?…]["”“»’]*$/.test(m[0]) && !SAY_AFTER.test(s.slice(end)) ? end : sentenceEnd(s, end);
      return { start: m.index, end: stop };
    }
  }
  return null;
}

/** The reported questions of a paragraph, in order: where each starts and ends. */
function reportedQuestions(s: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const re of [QUOTED_QUESTION, BARE_QUESTION]) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const end =
        re === QUOTED_QUESTION && !/[.?!]$/.test(m[0])
          ? sentenceEnd(s, m.index + m[0].length)
          : m.index + m[0].length;
      found.push({ start: m.index, end });
    }
  }
  return found.sort((a, b) => a.start - b.start).filter((q, i, all) => i === 0 || q.start >= all[i - 1]!.end);
}

/**
 * Cuts a paragraph of a report at the questions it quotes and the replies quoted after them:
 * the narration around them is an aside. Null when the paragraph reports no question.
 */
export function cutReported(p: Span): Piece[] | null {
  // both patterns need a `?` and an opening quote: cheap tests before them (they try every position)
  if (!p.text.includes('?') || !OPENING_QUOTE.test(p.text)) return null;
  const qs = reportedQuestions(p.text);
  if (!qs.length) return null;
  const pieces: Piece[] = [];
  let at = 0;
  const push = (a: number, b: number, cue: Piece['cue']) => {
    const piece = sub(p, a, b);
    if (piece.text) pieces.push({ ...piece, cue });
  };
  qs.forEach((q, i) => {
    if (q.start < at) return;
    push(at, q.start, 'aside');
    push(q.start, q.end, 'asked');
    at = q.end;
    const reply = replyAfter(p.text, q.end);
    if (reply && reply.start < (qs[i + 1]?.start ?? p.text.length)) {
      push(at, reply.start, 'aside');
      push(reply.start, reply.end, 'answer');
      at = reply.end;
    }
  });
  push(at, p.text.length, 'aside');
  return pieces;
}

/** The reported questions of every unmarked paragraph, cut into question, reply and narration. */
export function cutReportedQuestions(items: Item[]): void {
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it.m.type !== 'none' || it.p.cue) continue;
    const pieces = cutReported(it.p);
    if (!pieces) continue;
    items.splice(k, 1, ...pieces.map((p) => ({ p, m: it.m })));
    k += pieces.length - 1;
  }
}
