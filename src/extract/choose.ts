import { siteOf } from '../ids.js';
import type { Site } from '../schemas/record.js';
import { extractGenericHtml } from './generic-html.js';
import type { ExtractInput, Extracted } from './types.js';
import { checkSize, DEFAULT_LIMITS } from './limits.js';
import { extractPlainText } from './plain-text.js';
import { extractPressCorner } from './sites/ec-presscorner.js';
import { extractWithSelectors } from './sites/html-site.js';
import { DEFAULT_SELECTORS, type SiteSelectors } from './sites/selectors.js';

const SITE_MARK =
  /(field--name-field-text|og:site_name"\s+content="EEAS|eeas\.europa\.eu)|(consilium\.europa\.eu|council-left-content)|ecb\.europa\.eu|ecb-pressContentTitle/gi;

/** Which site a page's markup belongs to, when the URL does not say. */
export function siteOfMarkup(html: string): Site | null {
  const head = html.slice(0, 20000);
  // one scan for every site's marks: EEAS wins over the Council, the Council over the ECB
  let found: Site | null = null;
  SITE_MARK.lastIndex = 0;
  for (let m = SITE_MARK.exec(head); m; m = SITE_MARK.exec(head)) {
    if (m[1]) return 'eeas';
    if (m[2]) found = 'consilium';
    else found ??= 'ecb';
  }
  return found;
}

const looksJson = (body: string, ct: string) => /\bjson\b/i.test(ct) || /^\s*[{[]/.test(body);
const looksHtml = (body: string, ct: string) =>
  /\bhtml\b/i.test(ct) || /^\s*(?:<!doctype html|<html|<head|<body|<(?:div|article|main|p|h1)\b)/i.test(body);

/** Picks the extractor by content type, URL and markup, and runs it; a known site whose markup changed falls back to the generic extractor, with a warning. */
export function chooseExtractor(
  input: ExtractInput & { selectors?: Partial<Record<Site, Partial<SiteSelectors>>> },
): Extracted {
  const { body, contentType } = input;
  const limits = { ...DEFAULT_LIMITS, ...input.limits };
  const fromUrl = siteOf(input.url);
  const urlSite = input.site ?? (fromUrl === 'generic' ? null : fromUrl);
  if (urlSite === 'ec-presscorner' || (looksJson(body, contentType) && /docuLanguageResource/.test(body))) {
    return { site: 'ec-presscorner', extractor: 'ec-presscorner', ...extractPressCorner(body, limits) };
  }
  if (/\bpdf\b/i.test(contentType) || !looksHtml(body, contentType)) {
    checkSize('text', body.length, limits);
    return { site: urlSite ?? 'generic', extractor: 'plain-text', ...extractPlainText(body) };
  }
  checkSize('html', body.length, limits);

  const site = urlSite ?? siteOfMarkup(body);
  if (site && site !== 'generic' && site in DEFAULT_SELECTORS) {
    const key = site as keyof typeof DEFAULT_SELECTORS;
    const sel = { ...DEFAULT_SELECTORS[key], ...(input.selectors?.[site] ?? {}) };
    const r = extractWithSelectors(body, sel, limits);
    if (r) return { site, extractor: site, ...r };
    const g = extractGenericHtml(body, limits);
    return {
      site,
      extractor: 'generic-html',
      ...g,
      warnings: [
        `${site} adapter found no transcript with its body selectors (${sel.body.join(', ')}): the site's markup may have changed; used the generic extractor`,
        ...g.warnings,
      ],
    };
  }
  return { site: 'generic', extractor: 'generic-html', ...extractGenericHtml(body, limits) };
}
