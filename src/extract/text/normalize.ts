const GLYPH_HINT = / [ãõçñáíóúâêôüöäëïœ] /;
const GLYPH = /(\p{L}) ([ãõçñáíóúâêôüöäëïœ]) (\p{Ll})/gu;
/**
 * Anything `normalizeLine` would change besides the outer spaces (most lines have none of it):
 * odd spaces and invisible characters, two spaces, or `GLYPH_HINT` (one scan instead of two).
 */
const UNTIDY = /[\u00a0\u2007\u202f\u2009\u200a\u200b-\u200d\ufeff\u00ad\t]| (?: |[ãõçñáíóúâêôüöäëïœ] )/;

/** Unicode and whitespace clean-up shared by every extractor: one space between words, no control characters. */
export function normalizeLine(s: string): string {
  if (!UNTIDY.test(s)) return s.trim();
  let t = s
    .replace(/[\u00a0\u2007\u202f\u2009\u200a]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff\u00ad]/g, '')
    .replace(/\t/g, ' ');
  // broken glyph spacing in captures: "Dur ã o" → "Durão"
  if (GLYPH_HINT.test(t)) t = t.replace(GLYPH, '$1$2$3');
  return t.replace(/ {2,}/g, ' ').trim();
}

/** Splits a body into lines, with Windows and old Mac line ends folded. */
export const toLines = (body: string): string[] => body.replace(/\r\n?/g, '\n').split('\n');

const GLUED = /(?<!\b(?:Q|A|\p{Lu}|Question|Frage|Mr|Mrs|Ms|Dr|St))([.?!:])(?=\p{Lu}\p{Ll}{2})/gu;
/**
 * What `GLUED` needs, without its lookbehind (which it runs at every character): a mark before a
 * capital, which is A-Z or from U+00C0 up (a letter outside the BMP starts with a surrogate there).
 */
const GLUED_HINT = /[.?!:][A-Z\u00c0-\uffff]/;
const INLINE_LABEL = /(?<=[.?!]["”’]?)\s+(?=(?:Journalist|Question|Reporter|Frage)\s*:)/g;
/** What `INLINE_LABEL` needs, without its lookbehind at every space. */
const LABEL_HINT = /(?:Journalist|Question|Reporter|Frage)\s*:/;

/** Live-blog time stamps ("6.39pm GMT"): each starts a new entry. */
export const LIVE_STAMP =
  /(?:(?<!\s)\s+)?\b\d{1,2}[.:]\d{2}\s?(?:am|pm)\s+(?:GMT|BST|CET|CEST|EST|EDT|UTC)\b\s*/g;

/**
 * Splits one captured line where the capture glued separate blocks together: a sentence end
 * directly followed by a capitalised word ("answers.Good", "happening?Dijsselbloem"), live-blog
 * time stamps, and a question label written mid-paragraph ("… problems. Journalist: …").
 */
export function splitGlued(line: string): string[] {
  let parts = splitHeaderGlue(line);
  if (/\d\s?(?:am|pm)\s+(?:GMT|BST|CET|CEST|EST|EDT|UTC)\b/.test(line)) {
    parts = parts.flatMap((p) => p.split(LIVE_STAMP));
    // a key-events list glued without separators ("problemsPress conference underway nowGreece rejects …")
    if (parts.length > 1 && (parts[0]!.match(/\p{Ll}\p{Lu}/gu) ?? []).length >= 2) parts = parts.slice(1);
  }
  const out: string[] = [];
  for (const p of parts) {
    let q = GLUED_HINT.test(p) ? p.replace(GLUED, '$1\n') : p;
    if (q.includes(':') && LABEL_HINT.test(q)) q = q.replace(INLINE_LABEL, '\n');
    if (!q.includes('\n')) out.push(q);
    else out.push(...q.split('\n'));
  }
  return out;
}

/** Whether a line starts with a digit 0-9 (what `\d` matches). */
export const startsWithDigit = (l: string): boolean => {
  const c = l.charCodeAt(0);
  return c >= 48 && c <= 57;
};

/** Whether a line ends with a digit 0-9. */
export const endsWithDigit = (l: string): boolean => {
  const c = l.charCodeAt(l.length - 1);
  return c >= 48 && c <= 57;
};

/** Whether a line starts with an ASCII letter in either case (what a case-insensitive `^j` needs). */
export const startsWithLetter = (l: string, lower: string): boolean =>
  (l.charCodeAt(0) | 32) === lower.charCodeAt(0);

/** A capture tool's stamp glued before the text: "date 2022-01 Von …". */
export const CAPTURE_STAMP = /^(?:date|datum|fecha|data)\s*:?\s*\d{4}-\d{2}(?:-\d{2})?\s+(?=\S)/i;

/** A mirror's stamp inside a line, with a share or comment counter before it: "… 0 07/01/2019 | 10:59 …". */
const GLUED_STAMP = /(?<!\s)\s+(?:\d{1,4}\s+)?(\d{1,2}[./]\d{1,2}[./]\d{4}\s*\|\s*\d{1,2}[:.]\d{2})(?:\s+|$)/;

/**
 * A page header a capture flattened onto one line: the capture tool's stamp before it, a mirror's
 * stamp after the title (`date 2019-01 Title 0 07/01/2019 | 10:59 Share :`), or a title glued to the
 * lead that repeats its first word (`Interview with Radio NordInterview with Anna Berg, …`).
 */
function splitHeaderGlue(line: string): string[] {
  const t = line.replace(CAPTURE_STAMP, '');
  if (t.includes('|')) {
    const m = GLUED_STAMP.exec(t);
    if (m && m.index > 0) return [t.slice(0, m.index), m[1]!, t.slice(m.index + m[0].length)].filter(Boolean);
  }
  const first = /^\p{Lu}\p{Ll}{3,}(?=\s)/u.exec(t)?.[0];
  if (first) {
    const at = t.indexOf(first, first.length);
    if (at > 0 && /\p{Ll}/u.test(t[at - 1]!) && /\s/.test(t[at + first.length] ?? ''))
      return [t.slice(0, at), t.slice(at)];
  }
  return [t];
}

const GAP = /\s+/g;
/** `s.split(/\s+/).length <= n`, without splitting a long paragraph to count its words. */
export function splitsAtMost(s: string, n: number): boolean {
  GAP.lastIndex = 0;
  let pieces = 1;
  while (pieces <= n && GAP.test(s)) pieces++;
  GAP.lastIndex = 0;
  return pieces <= n;
}

/** Whether a UTF-16 code unit is whitespace to `\s` and `trim` (ECMAScript's WhiteSpace and LineTerminator). */
export function isSpace(c: number): boolean {
  if (c < 0xa0) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The number of words (`s.split(/\s+/).filter(Boolean).length`), without building the array. */
export function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpace(s.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

const WORD = /\S+/g;
/** Whether `s` has `n` words or more (`s.split(/\s+/).filter(Boolean).length >= n`), counting no further. */
export function hasWords(s: string, n: number): boolean {
  WORD.lastIndex = 0;
  let k = 0;
  while (k < n && WORD.test(s)) k++;
  WORD.lastIndex = 0;
  return k >= n;
}
