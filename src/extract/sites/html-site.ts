import { loadHtml } from '../html/load.js';
import { findDates } from '../meta/dates.js';
import { CITY_RE } from '../meta/places.js';
import { analyzePage, pageFacts } from '../generic-html.js';
import { blockLines, firstText, stripNoise } from '../html/blocks.js';
import { firstMatch, textLengthAtLeast } from '../html/dom.js';
import type { Element } from 'domhandler';
import type { Analyzed } from '../text/analyze.js';
import type { SiteSelectors } from './selectors.js';
import { DEFAULT_LIMITS, type ExtractLimits } from '../limits.js';

const CITY = new RegExp(CITY_RE, 'u');

/**
 * A known site's page read with its selectors (EEAS, Council, ECB share this shape), or null
 * when none of the body selectors finds the transcript: the markup changed, and the caller
 * falls back to the generic extractor and says so.
 */
export function extractWithSelectors(
  html: string,
  sel: SiteSelectors,
  limits: ExtractLimits = DEFAULT_LIMITS,
): Analyzed | null {
  const doc = loadHtml(html, { dropChrome: true, maxDepth: limits.htmlMaxDepth });
  const facts = pageFacts(doc);
  const title = firstText(doc, sel.title);
  const placeText = firstText(doc, sel.place);
  const dateText = firstText(doc, sel.date);
  let body: Element | null = null;
  for (const s of sel.body) {
    const el = firstMatch(doc, s);
    if (el && textLengthAtLeast(el, 80)) {
      body = el;
      break;
    }
  }
  if (!body) return null;
  stripNoise(body);
  const place = placeText ? (CITY.exec(placeText)?.[0] ?? placeText.split(',')[0]!.trim()) : undefined;
  const r = analyzePage(blockLines(body), facts, { title, ...(place ? { place } : {}) }, limits);
  if (!r.meta.date && dateText) r.meta.date = findDates(dateText)[0]?.iso ?? r.meta.date;
  return r;
}
