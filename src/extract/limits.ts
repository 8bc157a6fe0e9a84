import { PermanentError } from '../errors.js';

/**
 * The most HTML (in characters) the clean stage parses: ten times a heavy real page. Parsing is
 * linear (htmlparser2), so this bounds the parse to a fraction of a second.
 */
export const MAX_HTML_CHARS = 5_000_000;

/**
 * The most text (in characters) a transcript may have once its markup is gone: several times
 * a long press conference. Every text rule, the segmenter and the figure finder run on at most
 * this much.
 */
export const MAX_TEXT_CHARS = 300_000;

/**
 * Refuses a body or a text over its cap, permanently (a retry reads the same bytes).
 * @throws PermanentError `ERR_DOCUMENT_TOO_LARGE`.
 */
export function checkSize(what: 'html' | 'text', chars: number): void {
  const max = what === 'html' ? MAX_HTML_CHARS : MAX_TEXT_CHARS;
  if (chars <= max) return;
  throw new PermanentError(
    'ERR_DOCUMENT_TOO_LARGE',
    what === 'html'
      ? `the page is ${chars} characters of HTML, more than the ${max} any transcript page needs: not parsed`
      : `the document holds ${chars} characters of text, more than the ${max} of any transcript: not cleaned`,
    { details: { what, chars, max } },
  );
}

/** The length of lines joined by newlines, without joining them. */
export const linesLength = (lines: readonly string[]): number => lines.reduce((n, l) => n + l.length + 1, 0);
