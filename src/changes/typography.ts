/**
 * A string with its typography folded: Unicode compatibility forms, curly quotes and
 * apostrophes, dashes, ellipses, non-breaking and thin spaces, and runs of whitespace. Two
 * strings equal after this differ only in typography or spacing, which is never significant.
 */
export function foldTypography(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g, ' ')
    .trim();
}

/** The words of a text, lower-cased and typography-folded: what similarity between passages compares. */
export const wordsOf = (text: string): string[] =>
  foldTypography(text)
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/** The share of words two passages have in common (Dice over word sets), 0..1. */
export function wordSimilarity(a: string, b: string): number {
  const wa = new Set(wordsOf(a));
  const wb = new Set(wordsOf(b));
  if (wa.size === 0 && wb.size === 0) return 1;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return (2 * common) / (wa.size + wb.size);
}
