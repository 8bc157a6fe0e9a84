import { load, type CheerioAPI } from 'cheerio';
import { findDates } from './meta/dates.js';
import { analyzeLines, type Analyzed, type Hints } from './text/analyze.js';
import { blockLines, firstText, metaContent, stripNoise } from './html/blocks.js';
import { linkDensity, mainContent } from './html/main-content.js';

/** What every HTML page can tell before its text is read: the `<h1>`, meta tags, `<html lang>`. */
export function pageFacts($: CheerioAPI): { h1: string | null; published: string | null; language: string | null } {
  const h1 = firstText($, ['h1']) ?? metaContent($, 'og:title');
  const rawDate = metaContent($, 'article:published_time') ?? $('time[datetime]').first().attr('datetime') ?? null;
  const published = rawDate && /^\d{4}-\d{2}-\d{2}/.test(rawDate) ? rawDate.slice(0, 10) : rawDate ? (findDates(rawDate)[0]?.iso ?? null) : null;
  const lang = ($('html').attr('lang') ?? '').slice(0, 2).toLowerCase();
  return { h1, published, language: /^[a-z]{2}$/.test(lang) ? lang : null };
}

/** Lines → analysis, with the page's title put first when the content block does not repeat it. */
export function analyzePage(lines: string[], facts: ReturnType<typeof pageFacts>, hints: Hints = {}): Analyzed {
  const title = hints.title ?? facts.h1;
  const withTitle = title && !lines.slice(0, 8).some((l) => l.includes(title)) ? [title, '', ...lines] : lines;
  const r = analyzeLines(withTitle, { language: facts.language, ...hints });
  if (!r.meta.title && title) r.meta.title = title;
  if (!r.meta.date && facts.published) r.meta.date = facts.published;
  return r;
}

/**
 * Any site: finds the main content by text and link density (see `mainContent`), drops menus,
 * cookie banners, share bars, related lists and footers, then cleans the text like a capture.
 */
export function extractGenericHtml(html: string): Analyzed {
  const $ = load(html);
  const facts = pageFacts($);
  stripNoise($, $.root());
  $('footer, aside, body > header').remove();
  let main = mainContent($) ?? $('body');
  // the title and dateline often sit just outside the paragraphs' container: take the closest
  // ancestor that holds the <h1> too, unless it is mostly links (a page-wide wrapper)
  const h1 = $('h1').first();
  if (h1.length && !main.find('h1').length) {
    const up = main.parents().filter((_, el) => $(el).find(h1).length > 0).first();
    if (up.length && !up.is('body, html') && linkDensity($, up) < 0.35) main = up;
  }
  return analyzePage(blockLines($, main), facts);
}
