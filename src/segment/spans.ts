/** A stretch of the clean text: `text.slice(start, end) === text`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** The paragraphs of a clean text (separated by blank lines), with their offsets. */
export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  // found with indexOf: twice as fast as the pattern /[^\n]+(?:\n(?!\n)[^\n]+)*/g
  for (let i = 0; i < text.length;) {
    if (text.charCodeAt(i) === 10) {
      i++;
      continue;
    }
    const blank = text.indexOf('\n\n', i);
    const j = blank < 0 ? text.length : blank;
    // the lines up to the blank one (or to the end, a last newline aside)
    const run = text.slice(i, text.charCodeAt(j - 1) === 10 ? j - 1 : j);
    const t = run.trim();
    const lead = run.length - run.trimStart().length;
    if (t) out.push({ start: i + lead, end: i + lead + t.length, text: t });
    i = j;
  }
  return out;
}

/** Where sentences start inside a span (offsets relative to the span), the first being 0. */
export function sentenceStarts(s: string): number[] {
  const out = [0];
  const re = /(?<!\b(?:Mr|Mrs|Ms|Dr|St|vs|No|\p{Lu}))[.?!…]["”’)\]]*\s+(?=["“„]?[\p{Lu}])/gu;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push(m.index + m[0].length);
  return out;
}

/** A sub-span of `p` from relative offset `a` to `b`, trimmed. */
export function sub(p: Span, a: number, b: number): Span {
  const raw = p.text.slice(a, b);
  const lead = raw.length - raw.trimStart().length;
  const t = raw.trim();
  return { start: p.start + a + lead, end: p.start + a + lead + t.length, text: t };
}

/**
 * Where the run of `closers` (closing quotes, brackets) that ends `s` starts: `/\?["”]*$/.test(s)`
 * is `s[closersStart(s, '"”') - 1] === '?'`, read from the end (such a pattern, anchored at the
 * end only, tries every position of the text).
 */
export function closersStart(s: string, closers: string): number {
  let i = s.length;
  while (i > 0 && closers.includes(s.charAt(i - 1))) i--;
  return i;
}

/** `xs.flatMap(f)`, as a loop: V8's `flatMap` costs some 250 ns an element (a loop, 8). */
export function flatMap<T, U>(xs: readonly T[], f: (x: T, i: number) => readonly U[]): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) for (const y of f(xs[i]!, i)) out.push(y);
  return out;
}
