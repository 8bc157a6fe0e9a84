import { loadHtml } from './html/load.js';
import { checkSize, DEFAULT_LIMITS, linesLength, type ExtractLimits } from './limits.js';
import { findDates } from './meta/dates.js';
import { analyzeLines, type Analyzed, type Hints } from './text/analyze.js';
import { withoutSiteName } from './text/title.js';
import { blockLines, stripLinkBlocks, stripNoise } from './html/blocks.js';
import { mainContent } from './html/main-content.js';
import { contains, elements, textOf } from './html/dom.js';
import type { Document, Element } from 'domhandler';

/** What every HTML page can tell before its text is read: the `<h1>`, meta tags, `<html lang>`. */
export function pageFacts(doc: Document): {
  h1: string | null;
  h1Node: Element | null;
  /** The `<title>` element's text, the site's name still around it. */
  pageTitle: string | null;
  published: string | null;
  language: string | null;
} {
  let h1Node: Element | null = null;
  let h1 = '';
  let og: string | null = null;
  let pageTitle: string | null = null;
  let rawDate: string | null = null;
  let timeDate: string | null = null;
  let lang = '';
  for (const el of elements(doc)) {
    if (el.name === 'h1' && !h1Node) {
      h1 = textOf(el);
      if (h1) h1Node = el;
    } else if (el.name === 'title') pageTitle ??= textOf(el) || null;
    else if (el.name === 'meta') {
      const key = el.attribs.property ?? el.attribs.name;
      if (key === 'og:title') og ??= el.attribs.content?.trim() || null;
      if (key === 'article:published_time') rawDate ??= el.attribs.content?.trim() || null;
    } else if (el.name === 'time' && el.attribs.datetime) timeDate ??= el.attribs.datetime;
    else if (el.name === 'html') lang = (el.attribs.lang ?? '').slice(0, 2).toLowerCase();
  }
  const d = rawDate ?? timeDate;
  const published =
    d && /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : d ? (findDates(d)[0]?.iso ?? null) : null;
  return {
    h1: h1Node ? h1 : og ? withoutSiteName(og) : pageTitle ? withoutSiteName(pageTitle) : null,
    h1Node,
    pageTitle,
    published,
    language: /^[a-z]{2}$/.test(lang) ? lang : null,
  };
}

/** Lines → analysis, with the page's title put first when the content block does not repeat it. */
export function analyzePage(
  lines: string[],
  facts: ReturnType<typeof pageFacts>,
  hints: Hints = {},
  limits: ExtractLimits = DEFAULT_LIMITS,
): Analyzed {
  checkSize('text', linesLength(lines), limits);
  const title = hints.title ?? facts.h1;
  const withTitle =
    title && !lines.slice(0, 8).some((l) => l.includes(title)) ? [title, '', ...lines] : lines;
  const r = analyzeLines(withTitle, {
    defaultLanguage: facts.language,
    h1: facts.h1,
    pageTitle: facts.pageTitle,
    ...hints,
  });
  if (!r.meta.title && title) r.meta.title = title;
  if (!r.meta.date && facts.published) r.meta.date = facts.published;
  return r;
}

/**
 * Any site: finds the main content by text and link density (see `mainContent`), drops menus,
 * cookie banners, share bars, related lists and footers, then cleans the text like a capture.
 */
export function extractGenericHtml(html: string, limits: ExtractLimits = DEFAULT_LIMITS): Analyzed {
  const doc = loadHtml(html, { dropChrome: true, maxDepth: limits.htmlMaxDepth });
  const facts = pageFacts(doc);
  stripNoise(doc, true);
  const found = mainContent(doc);
  if (!found) return analyzePage(blockLines(doc), facts, {}, limits);
  // the title and dateline often sit just outside the paragraphs' container: take the closest
  // ancestor that holds the <h1> too, unless it is mostly links (a page-wide wrapper)
  let node: Element = found.node;
  const h1 = facts.h1Node;
  if (h1 && !contains(node, h1)) {
    for (
      let up = node.parent as Element | null;
      up && up.type === 'tag' && up.name !== 'body' && up.name !== 'html';
      up = up.parent as Element | null
    ) {
      if (!contains(up, h1)) continue;
      const st = found.stats.get(up);
      if (st && st.links / (st.text || 1) < 0.35) node = up;
      break;
    }
  }
  stripLinkBlocks(node, found.stats);
  return analyzePage(blockLines(node), facts, {}, limits);
}
