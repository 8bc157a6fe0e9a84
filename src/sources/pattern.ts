import { RE2JS } from 're2js';

/** A compiled filter pattern: case-insensitive, and matched in time linear in the text. */
export interface Pattern {
  test(text: string): boolean;
}

const compiled = new Map<string, Pattern>();

/**
 * Compiles a pattern of the sources file with RE2 semantics (re2js): no back-references and no
 * look-arounds, so no pattern can backtrack — `(a+)+$` against a long title takes
 * microseconds, not seconds that double with each character. Throws on a pattern RE2 cannot
 * run; the sources schema calls this at load, so that error names the file and path.
 */
export function linearPattern(source: string): Pattern {
  let p = compiled.get(source);
  if (!p) {
    const re = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
    p = { test: (text) => re.matcher(text).find() };
    if (compiled.size > 1000) compiled.clear();
    compiled.set(source, p);
  }
  return p;
}

/** Why a pattern cannot be used, or null when it can. */
export function patternProblem(source: string): string | null {
  try {
    linearPattern(source);
    return null;
  } catch (err) {
    return `not a regular expression that runs in linear time (RE2 syntax: no back-references or look-arounds): ${(err as Error).message}`;
  }
}
