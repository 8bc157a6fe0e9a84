import type { Document } from 'domhandler';
import { parseHtml } from './parse.js';

/** Blocks that never hold a transcript, cut out before parsing. */
const NEVER_TEXT =
  /<!--[\s\S]*?-->|<(script|style|svg|noscript|template|iframe|nav)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** Page chrome the generic extractor drops anyway. */
const CHROME = /<(footer|aside)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/**
 * Parses HTML (see `parseHtml`: htmlparser2's tree rules, a regular-expression tokenizer) into
 * a domhandler document, after cutting out comments, scripts, styles, SVG, iframes and `<nav>`
 * menus — and, for the generic extractor, footers and asides — which never hold a transcript.
 */
export function loadHtml(html: string, opts: { dropChrome?: boolean } = {}): Document {
  let h = html.replace(NEVER_TEXT, ' ');
  if (opts.dropChrome) h = h.replace(CHROME, ' ');
  return parseHtml(h);
}
