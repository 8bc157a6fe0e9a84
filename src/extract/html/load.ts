import type { Document } from 'domhandler';
import { parseHtml } from './parse.js';

/** Elements that never hold a transcript, dropped while parsing. */
const NEVER_TEXT = new Set(['script', 'style', 'svg', 'noscript', 'template', 'iframe', 'nav']);
/** Page chrome the generic extractor drops too. */
const WITH_CHROME = new Set([...NEVER_TEXT, 'footer', 'aside']);

/**
 * Parses HTML with htmlparser2 (see `parseHtml`) into
 * a domhandler document without comments, scripts, styles, SVG, iframes and `<nav>` menus —
 * and, for the generic extractor, footers and asides — which never hold a transcript.
 */
export function loadHtml(html: string, opts: { dropChrome?: boolean; maxDepth?: number } = {}): Document {
  return parseHtml(html, opts.dropChrome ? WITH_CHROME : NEVER_TEXT, opts.maxDepth);
}
