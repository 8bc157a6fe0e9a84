import { defaultOf, type Config } from '../config.js';
import { PermanentError } from '../errors.js';

/**
 * The caps on one document's work in the clean stage, from the configuration
 * (`HTML_MAX_CHARS`, `TEXT_MAX_CHARS`, `HTML_MAX_DEPTH`, `PDF_MAX_PAGES`). Parsing and every
 * text rule are linear, so these bound each stage's time.
 */
export interface ExtractLimits {
  /** The most HTML (in characters) parsed: ten times a heavy real page. */
  htmlMaxChars: number;
  /** The most text (in characters) cleaned once the markup is gone: several long press conferences. */
  textMaxChars: number;
  /** The deepest element nesting parsed: real pages stay under a few dozen levels. */
  htmlMaxDepth: number;
  /** The most pages of a PDF read. */
  pdfMaxPages: number;
}

/** The caps of a configuration. */
export const limitsOf = (c: Pick<Config, keyof ExtractLimits>): ExtractLimits => ({
  htmlMaxChars: c.htmlMaxChars,
  textMaxChars: c.textMaxChars,
  htmlMaxDepth: c.htmlMaxDepth,
  pdfMaxPages: c.pdfMaxPages,
});

/** The caps by default (a library caller that passes none). */
export const DEFAULT_LIMITS: ExtractLimits = limitsOf({
  htmlMaxChars: defaultOf('htmlMaxChars'),
  textMaxChars: defaultOf('textMaxChars'),
  htmlMaxDepth: defaultOf('htmlMaxDepth'),
  pdfMaxPages: defaultOf('pdfMaxPages'),
});

/**
 * Refuses a body or a text over its cap, permanently (a retry reads the same bytes).
 * @throws PermanentError `ERR_DOCUMENT_TOO_LARGE`.
 */
export function checkSize(
  what: 'html' | 'text',
  chars: number,
  limits: ExtractLimits = DEFAULT_LIMITS,
): void {
  const max = what === 'html' ? limits.htmlMaxChars : limits.textMaxChars;
  if (chars <= max) return;
  throw new PermanentError(
    'ERR_DOCUMENT_TOO_LARGE',
    what === 'html'
      ? `the page is ${chars} characters of HTML, more than the ${max} any transcript page needs (HTML_MAX_CHARS): not parsed`
      : `the document holds ${chars} characters of text, more than the ${max} of any transcript (TEXT_MAX_CHARS): not cleaned`,
    { details: { what, chars, max } },
  );
}

/** The length of lines joined by newlines, without joining them. */
export const linesLength = (lines: readonly string[]): number => lines.reduce((n, l) => n + l.length + 1, 0);
