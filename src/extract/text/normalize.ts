const GLYPH_HINT = / [ãõçñáíóúâêôüöäëïœ] /;
const GLYPH = /(\p{L}) ([ãõçñáíóúâêôüöäëïœ]) (\p{Ll})/gu;
/** Anything `normalizeLine` would change besides the outer spaces (most lines have none of it). */
const UNTIDY = /[\u00a0\u2007\u202f\u2009\u200a\u200b-\u200d\ufeff\u00ad\t]| {2}/;

/** Unicode and whitespace clean-up shared by every extractor: one space between words, no control characters. */
export function normalizeLine(s: string): string {
  if (!UNTIDY.test(s) && !GLYPH_HINT.test(s)) return s.trim();
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
const INLINE_LABEL = /(?<=[.?!]["”’]?)\s+(?=(?:Journalist|Question|Reporter|Frage)\s*:)/g;

/** Live-blog time stamps ("6.39pm GMT"): each starts a new entry. */
export const LIVE_STAMP =
  /(?:(?<!\s)\s+)?\b\d{1,2}[.:]\d{2}\s?(?:am|pm)\s+(?:GMT|BST|CET|CEST|EST|EDT|UTC)\b\s*/g;

/**
 * Splits one captured line where the capture glued separate blocks together: a sentence end
 * directly followed by a capitalised word ("answers.Good", "happening?Dijsselbloem"), live-blog
 * time stamps, and a question label written mid-paragraph ("… problems. Journalist: …").
 */
export function splitGlued(line: string): string[] {
  let parts = [line];
  if (/\d\s?(?:am|pm)\s+(?:GMT|BST|CET|CEST|EST|EDT|UTC)\b/.test(line)) {
    parts = line.split(LIVE_STAMP);
    // a key-events list glued without separators ("problemsPress conference underway nowGreece rejects …")
    if (parts.length > 1 && (parts[0]!.match(/\p{Ll}\p{Lu}/gu) ?? []).length >= 2) parts = parts.slice(1);
  }
  const out: string[] = [];
  for (const p of parts) {
    let q = p.replace(GLUED, '$1\n');
    if (q.includes(':')) q = q.replace(INLINE_LABEL, '\n');
    if (!q.includes('\n')) out.push(q);
    else out.push(...q.split('\n'));
  }
  return out;
}
