import type { CheerioAPI, Cheerio } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

const CANDIDATE = 'article, main, section, div, td';
const UNLIKELY = /comment|footer|header|menu|sidebar|sponsor|promo|banner|popup|widget|teaser|card-list|pager|pagination/i;
const LIKELY = /article|body|content|entry|main|post|text|story|transcript|field--name-field-text|text-formatted/i;

const len = (s: string) => s.replace(/\s+/g, ' ').trim().length;

/**
 * Finds the element that holds a page's main text, on page templates never seen before:
 * every paragraph scores its parent and grandparent by its length and commas; class and id
 * names nudge the score; the score is discounted by link density (menus and related lists
 * are mostly links). Returns null when no element holds enough text.
 */
export function mainContent($: CheerioAPI): Cheerio<Element> | null {
  const scores = new Map<Element, number>();
  $('p, pre, blockquote, li, td, div').each((_, el) => {
    const e = $(el);
    if (el.name === 'div' && e.children('p, div, ul, ol, table, section, article').length) return;
    const text = e.text();
    const n = len(text);
    if (n < 25) return;
    const score = 1 + (text.match(/,/g) ?? []).length + Math.min(Math.floor(n / 100), 3);
    const parent = el.parent as Element | null;
    if (parent?.type === 'tag') scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent?.parent as Element | null;
    if (grand?.type === 'tag') scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  });
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, raw] of scores) {
    if (!$(el).is(CANDIDATE)) continue;
    const cls = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
    let s = raw;
    if (LIKELY.test(cls)) s *= 1.25;
    if (UNLIKELY.test(cls) && !LIKELY.test(cls)) s *= 0.3;
    const all = len($(el).text()) || 1;
    const links = len($(el).find('a').text());
    s *= 1 - Math.min(links / all, 0.95);
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  if (!best || bestScore < 3) return null;
  // a sibling with a good share of text (a second column of the same article) joins the content
  return $(best);
}

/** Share of an element's text that sits in links. */
export function linkDensity($: CheerioAPI, el: Cheerio<AnyNode>): number {
  const all = len(el.text()) || 1;
  return len(el.find('a').text()) / all;
}
